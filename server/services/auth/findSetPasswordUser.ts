import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { passwordFingerprint, verifySetPasswordToken, type SetPasswordClaim } from './setPasswordToken.js';

const tokenError = (status: 400 | 410, code: string, message: string) =>
  new HttpError(status, code, message, [{ path: 'token', message }]);

/**
 * The user a set-password token is for, while the token is good: signed by this install, unexpired, and
 * made for the password hash the user still has (so a used link, or one older than the last password
 * change, no longer works).
 *
 * @throws HttpError 400 `invalid_token` (tampered, malformed, another install's, user gone),
 *   410 `token_expired`, 410 `token_used` (the password was set since the link was made)
 * @example
 * const { user, claim } = await findSetPasswordUser(ctx.db, ctx.signingSecret, body.token);
 */
export async function findSetPasswordUser(db: Db, signingSecret: string, token: string) {
  const result = verifySetPasswordToken(signingSecret, token);
  if (!result.ok) {
    throw result.reason === 'expired'
      ? tokenError(410, 'token_expired', 'This link has expired; ask for a new one')
      : tokenError(400, 'invalid_token', 'This link is not valid');
  }
  const claim: SetPasswordClaim = result.claim;
  const user = await db.user.findUnique({
    where: { id: claim.userId },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user) throw tokenError(400, 'invalid_token', 'This link is not valid');
  if (passwordFingerprint(user.passwordHash) !== claim.fingerprint) {
    throw tokenError(410, 'token_used', 'This link was already used; ask for a new one');
  }
  return { user, claim };
}
