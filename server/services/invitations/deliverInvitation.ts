import type { InvitationDto } from '../../../shared/schemas/account.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { INVITATION_SELECT, presentInvitation } from '../../presenters/invitation.js';
import { sendInvitationEmail } from './sendInvitationEmail.js';

/**
 * Emails the invitation's current link and returns its DTO. The row is already committed: when the email
 * cannot be sent the invitation stays (listed, revocable) and the admin is told to resend it.
 *
 * @throws HttpError 503 `email_unavailable` (SMTP refused or unreachable; the invitation is saved)
 * @example
 * return deliverInvitation(ctx, invitation.id);
 */
export async function deliverInvitation(ctx: AppContext, invitationId: string): Promise<InvitationDto> {
  const row = await ctx.db.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { ...INVITATION_SELECT, tokenId: true, invitedBy: { select: { id: true, name: true, locale: true } } },
  });
  try {
    // The invitee has no account, hence no language yet: the team's, as the inviting admin's.
    await sendInvitationEmail(ctx, { ...row, invitedByName: row.invitedBy?.name ?? null, locale: row.invitedBy?.locale ?? null });
  } catch (err) {
    ctx.log.warn({ err, invitationId }, 'Could not send an invitation email');
    throw new HttpError(503, 'email_unavailable', 'The invitation is saved, but its email could not be sent; resend it in a moment', undefined, {
      'Retry-After': '30',
    });
  }
  return presentInvitation(row);
}
