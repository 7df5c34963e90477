import type { InvitationList } from '../../../shared/schemas/account.js';
import type { Db } from '../../db/client.js';
import { INVITATION_SELECT, presentInvitation } from '../../presenters/invitation.js';

/** How many invitations the admin page lists: the recent ones are what an admin acts on. */
const LIMIT = 200;

/**
 * The most recent invitations, newest first, with their status (pending, accepted, revoked, expired).
 *
 * @example
 * res.json(await listInvitations(ctx.db));
 */
export async function listInvitations(db: Db): Promise<InvitationList> {
  const rows = await db.invitation.findMany({ select: INVITATION_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LIMIT });
  const now = new Date();
  return { items: rows.map((row) => presentInvitation(row, now)) };
}
