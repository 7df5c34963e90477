import type { CreateInvitationInput, InvitationDto } from '../../../shared/schemas/account.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { deliverInvitation } from './deliverInvitation.js';
import { newInvitationLink } from './newInvitationLink.js';

export interface CreateInvitationProps {
  input: CreateInvitationInput;
  /** The admin sending it. */
  invitedById: string;
  actor: AuditActor;
}

const emailConflict = (code: string, message: string) => new HttpError(409, code, message, [{ path: 'email', message }]);

/**
 * Invites a person by email: stores the invitation and emails its link (valid INVITATION_TTL_MS, once). No
 * user exists until the person accepts. An address that already has an account (a user with a password)
 * cannot be invited, nor one with an invitation still pending (resend that one instead). A user without a
 * password (registered by a service through `/api/v1/users`) can be: accepting gives that user a password.
 *
 * @throws HttpError 409 `account_exists` / `invitation_pending` (path `email`), 503 `email_unavailable`
 * @example
 * const invitation = await createInvitation(ctx, { input: { email, role: 'user' }, invitedById: adminId, actor });
 */
export async function createInvitation(ctx: AppContext, { input, invitedById, actor }: CreateInvitationProps): Promise<InvitationDto> {
  const email = input.email.toLowerCase();
  const now = new Date();
  const user = await ctx.db.user.findUnique({ where: { email }, select: { passwordHash: true } });
  if (user?.passwordHash) throw emailConflict('account_exists', 'Already has an account; they can use "Forgot password?"');
  const pending = await ctx.db.invitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } });
  if (pending > 0) throw emailConflict('invitation_pending', 'Already invited; resend that invitation instead');
  const invitation = await ctx.db.invitation.create({
    data: { email, name: input.name ?? email.split('@')[0]!, role: input.role, invitedById, ...newInvitationLink(now) },
    select: { id: true },
  });
  // One insert, no transaction: the event follows it (and precedes the email, which may fail with a 503).
  await appendAuditEvent(ctx.db, actor, { action: 'invitation.created', target: { type: 'invitation', id: invitation.id }, after: { role: input.role } });
  ctx.log.info({ invitationId: invitation.id, invitedById, role: input.role }, 'Invitation created');
  return deliverInvitation(ctx, invitation.id);
}
