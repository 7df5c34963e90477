import type { SetPasswordTokenInfo } from '../../../shared/schemas/auth.js';
import type { Db } from '../../db/client.js';
import { findSetPasswordUser } from './findSetPasswordUser.js';

/**
 * Whether a set-password link still works, and for whom: the set-password page shows the account (and
 * gives password managers its username) before anyone types, or says at once that the link is dead.
 * Changes nothing.
 *
 * @throws HttpError 400 `invalid_token`, 410 `token_expired` / `token_used`
 * @example
 * res.json(await checkSetPasswordToken(ctx.db, ctx.signingSecret, body.token));
 */
export async function checkSetPasswordToken(db: Db, signingSecret: string, token: string): Promise<SetPasswordTokenInfo> {
  const { user, claim } = await findSetPasswordUser(db, signingSecret, token);
  return { email: user.email, name: user.name, expiresAt: claim.expiresAt.toISOString() };
}
