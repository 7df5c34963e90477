import type { SetPasswordInput, SetPasswordTokenInfo } from '../../../shared/schemas/auth.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { endUserSessions } from '../sessions/endUserSessions.js';
import { findSetPasswordUser } from './findSetPasswordUser.js';
import { hashPassword } from './passwords.js';

/**
 * Sets a user's password from a one-time link, then signs the user out everywhere (every session, every
 * socket, on every node): whoever held the old password is out. The update is a compare-and-set on the
 * hash the token was made for, so of two concurrent uses of one link exactly one wins; the link is dead
 * afterwards because the hash it was bound to is gone.
 *
 * @throws HttpError 400 `invalid_token` / `validation_failed` (password is the email), 410 `token_expired` / `token_used`
 * @example
 * const { email } = await setPassword(ctx, { token, password });
 */
export async function setPassword(ctx: AppContext, { token, password }: SetPasswordInput): Promise<SetPasswordTokenInfo> {
  const { user, claim } = await findSetPasswordUser(ctx.db, ctx.signingSecret, token);
  if (password.trim().toLowerCase() === user.email.toLowerCase()) {
    throw new HttpError(400, 'validation_failed', 'Invalid request body', [{ path: 'password', message: 'Must not be your email address' }]);
  }
  const passwordHash = await hashPassword(password);
  const { count } = await ctx.db.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash },
  });
  if (count === 0) {
    throw new HttpError(410, 'token_used', 'This link was already used; ask for a new one', [
      { path: 'token', message: 'This link was already used; ask for a new one' },
    ]);
  }
  await endUserSessions(ctx, { userId: user.id });
  ctx.log.info({ userId: user.id }, 'Password set from a one-time link; the user’s sessions were ended');
  return { email: user.email, name: user.name, expiresAt: claim.expiresAt.toISOString() };
}
