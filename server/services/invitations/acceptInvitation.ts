import type { AcceptInvitationInput } from '../../../shared/schemas/account.js';
import type { SetPasswordTokenInfo } from '../../../shared/schemas/auth.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { hashPassword } from '../auth/passwords.js';
import { findInvitation } from './findInvitation.js';

/** Thrown inside the transaction to roll it back with a client error. */
const accountExists = () =>
  new HttpError(409, 'account_exists', 'This email already has an account; sign in, or use "Forgot password?"', [
    { path: 'token', message: 'This email already has an account' },
  ]);

/** Thrown inside the transaction when the user of the invitation's email changed while it ran: try again. */
const accountChanged = () =>
  new HttpError(409, 'account_changed', 'The account of this email changed while the invitation was accepted; try again', [
    { path: 'token', message: 'The account changed meanwhile' },
  ]);

/**
 * Accepts an invitation: creates the account (email, name and role of the invitation) with the chosen
 * password, or gives the password to a passwordless user of that email (one a service registered). In one
 * transaction, marking the invitation accepted is a compare-and-set on its current link, so of two
 * concurrent uses exactly one wins and the link is dead afterwards. The person then signs in.
 *
 * @throws HttpError 400 `invalid_token` / `validation_failed` (password is the email), 410 (see findInvitation),
 *   409 `account_exists` (the email got a password meanwhile)
 * @example
 * const { email } = await acceptInvitation(ctx, { token, password });
 */
export async function acceptInvitation(ctx: AppContext, { token, password }: AcceptInvitationInput): Promise<SetPasswordTokenInfo> {
  const { invitation, claim } = await findInvitation(ctx.db, ctx.signingSecret, token);
  if (password.trim().toLowerCase() === invitation.email) {
    throw new HttpError(400, 'validation_failed', 'Invalid request body', [{ path: 'password', message: 'Must not be your email address' }]);
  }
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const userId = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenId: claim.tokenId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count === 0) {
      throw new HttpError(410, 'token_used', 'This invitation was already accepted; sign in instead', [{ path: 'token', message: 'Already accepted' }]);
    }
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true, passwordHash: true } });
    if (existing?.passwordHash) throw accountExists();
    let user: { id: string };
    if (existing) {
      // Conditional on the address and the missing password read above: a service moving this user's email
      // meanwhile (PUT /api/v1/users, another transaction) must not leave the password, and the role, on an
      // account whose reset links go to another address.
      const { count: updated } = await tx.user.updateMany({
        where: { id: existing.id, email: invitation.email, passwordHash: null },
        data: { passwordHash, role: invitation.role },
      });
      if (updated === 0) throw accountChanged();
      user = existing;
    } else {
      user = await tx.user.create({ data: { email: invitation.email, name: invitation.name, role: invitation.role, passwordHash }, select: { id: true } });
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { userId: user.id } });
    return user.id;
  });
  ctx.log.info({ invitationId: invitation.id, userId }, 'Invitation accepted; account created');
  return { email: invitation.email, name: invitation.name, expiresAt: invitation.expiresAt.toISOString() };
}
