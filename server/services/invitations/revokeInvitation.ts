import type { InvitationDto } from '../../../shared/schemas/account.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { INVITATION_SELECT, presentInvitation } from '../../presenters/invitation.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Withdraws an invitation: its link stops working at once (findInvitation refuses a revoked row), though the
 * token itself would still verify. Revoking twice is a no-op; an accepted invitation cannot be revoked
 * (the account exists; remove it instead). Conditional write, so it cannot undo a concurrent acceptance.
 *
 * @throws HttpError 404 (no such invitation), 409 `invitation_accepted`
 * @example
 * await revokeInvitation(ctx, { invitationId, actor });
 */
export async function revokeInvitation(ctx: AppContext, { invitationId, actor }: { invitationId: string; actor: AuditActor }): Promise<InvitationDto> {
  const { count } = await ctx.db.invitation.updateMany({ where: { id: invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await ctx.db.invitation.findUnique({ where: { id: invitationId }, select: INVITATION_SELECT });
  if (!row) throw NotFoundError('invitation');
  if (row.acceptedAt) throw new HttpError(409, 'invitation_accepted', 'This invitation was already accepted');
  // One update, no transaction: the event follows it (none for a repeat, which changed nothing).
  if (count > 0) await appendAuditEvent(ctx.db, actor, { action: 'invitation.revoked', target: { type: 'invitation', id: invitationId } });
  ctx.log.info({ invitationId }, 'Invitation revoked');
  return presentInvitation(row);
}
