import type { InvitationDto } from '../../../shared/schemas/account.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { deliverInvitation } from './deliverInvitation.js';
import { newInvitationLink } from './newInvitationLink.js';

/**
 * Sends an invitation again with a new link and a new expiry: the previous link stops working at once (its
 * `tokenId` is replaced). Works for a pending or expired invitation; an accepted or revoked one is final.
 * The write is conditional on that state, so a resend racing an acceptance or a revocation changes nothing.
 *
 * @throws HttpError 404 (no such invitation), 409 `invitation_closed`, 503 `email_unavailable`
 * @example
 * await resendInvitation(ctx, { invitationId, actor });
 */
export async function resendInvitation(ctx: AppContext, { invitationId, actor }: { invitationId: string; actor: AuditActor }): Promise<InvitationDto> {
  const { count } = await ctx.db.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null },
    data: newInvitationLink(),
  });
  if (count === 0) {
    const exists = await ctx.db.invitation.count({ where: { id: invitationId } });
    if (!exists) throw NotFoundError('invitation');
    throw new HttpError(409, 'invitation_closed', 'This invitation was already accepted or revoked');
  }
  // One update, no transaction: the event follows it.
  await appendAuditEvent(ctx.db, actor, { action: 'invitation.resent', target: { type: 'invitation', id: invitationId } });
  return deliverInvitation(ctx, invitationId);
}
