import type { Db } from '../../db/client.js';
import { passwordFingerprint, SET_PASSWORD_TOKEN_TTL_MS, signSetPasswordToken } from './setPasswordToken.js';

export interface SetPasswordLink {
  /** `${publicUrl}/set-password#token=…`: the token rides in the fragment, which browsers never send. */
  url: string;
  expiresAt: Date;
}

/**
 * A one-time link that lets a user set their password: valid for `ttlMs` (default SET_PASSWORD_TOKEN_TTL_MS;
 * a "forgot password" link passes PASSWORD_RESET_TOKEN_TTL_MS), and only until
 * the password changes (the token is bound to a fingerprint of the current hash). The fragment keeps the
 * token out of server and proxy logs and out of Referer headers.
 *
 * @example
 * const { url } = await createSetPasswordLink(db, { signingSecret, publicUrl }, user.id);
 */
export async function createSetPasswordLink(
  db: Db,
  { signingSecret, publicUrl }: { signingSecret: string; publicUrl: string },
  userId: string,
  { now = new Date(), ttlMs = SET_PASSWORD_TOKEN_TTL_MS }: { now?: Date; ttlMs?: number } = {},
): Promise<SetPasswordLink> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  // Whole seconds, as the token stores it: what the CLI prints is exactly when the link stops working.
  const expiresAt = new Date(Math.floor((now.getTime() + ttlMs) / 1000) * 1000);
  const token = signSetPasswordToken(signingSecret, { userId, expiresAt, fingerprint: passwordFingerprint(user.passwordHash) });
  return { url: `${publicUrl.replace(/\/$/, '')}/set-password#token=${token}`, expiresAt };
}
