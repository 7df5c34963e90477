import type { SetPasswordTokenInfo } from '../../../shared/schemas/auth.js';
import type { Db } from '../../db/client.js';
import { findInvitation } from './findInvitation.js';

/**
 * Whether an invitation link still works, and for whom: the invitation page shows the email (and gives
 * password managers the username) before anyone types, or says at once that the link is dead. Changes nothing.
 *
 * @throws HttpError 400 `invalid_token`, 410 `token_expired` / `invitation_revoked` / `token_replaced` / `token_used`
 * @example
 * res.json(await checkInvitation(ctx.db, ctx.signingSecret, body.token));
 */
export async function checkInvitation(db: Db, signingSecret: string, token: string): Promise<SetPasswordTokenInfo> {
  const { invitation } = await findInvitation(db, signingSecret, token);
  return { email: invitation.email, name: invitation.name, expiresAt: invitation.expiresAt.toISOString() };
}
