import type { ChangePasswordInput, EndedSessions } from '../../../shared/schemas/account.js';
import type { AppContext } from '../../context.js';
import { HttpError, UnauthorizedError } from '../../errors.js';
import { endUserSessions } from '../sessions/endUserSessions.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface ChangePasswordProps extends ChangePasswordInput {
  userId: string;
  /** The session making the change: it stays signed in; every other one is ended. */
  sessionId: string;
}

const fieldError = (code: string, path: string, message: string) => new HttpError(400, code, message, [{ path, message }]);

/**
 * Changes the signed-in user's password after checking the current one, then ends every OTHER session of
 * the user and their sockets (on every node): whoever knew the old password is out, this tab stays in.
 * Set-password and reset links made before the change die with the old hash (they are bound to it). The
 * update is a compare-and-set on the hash that was checked, so a concurrent change or reset wins cleanly.
 *
 * @throws HttpError 400 `wrong_password` (path `currentPassword`), 400 `validation_failed` (path
 *   `newPassword`: the email), 409 `password_changed` (changed meanwhile), 401 (user gone)
 * @example
 * const { endedSessions } = await changePassword(ctx, { userId, sessionId: req.sessionID, currentPassword, newPassword });
 */
export async function changePassword(ctx: AppContext, props: ChangePasswordProps): Promise<EndedSessions> {
  const { userId, sessionId, currentPassword, newPassword } = props;
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw UnauthorizedError();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw fieldError('wrong_password', 'currentPassword', 'The current password is not correct');
  }
  if (newPassword.trim().toLowerCase() === user.email.toLowerCase()) {
    throw fieldError('validation_failed', 'newPassword', 'Must not be your email address');
  }
  const passwordHash = await hashPassword(newPassword);
  const { count } = await ctx.db.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
  if (count === 0) throw new HttpError(409, 'password_changed', 'The password was changed meanwhile; sign in again');
  const endedSessions = await endUserSessions(ctx, { userId, exceptSessionId: sessionId });
  ctx.log.info({ userId, endedSessions }, 'Password changed; the user’s other sessions were ended');
  return { endedSessions };
}
