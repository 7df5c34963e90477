/**
 * The bench's users and their session cookies, without a database (the baseline server imports this, so
 * it must not load Prisma): ids, and cookies signed as express-session signs them.
 */
import { randomBytes } from 'node:crypto';
import { sign } from 'cookie-signature';
import type { SocketUser } from './protocol.js';

/** The session cookie's name (server/middleware/session.ts). */
export const COOKIE_NAME = 'flashnotify.sid';

/** The id of the bench's i-th user (stable, so the baseline server can be given the same ones). */
export const benchUserId = (i: number): string => `bench-${String(i).padStart(6, '0')}`;

/** A session id as express-session makes them (uid-safe: 24 random bytes, base64url). */
const newSessionId = (): string => randomBytes(24).toString('base64url');

/**
 * The `Cookie` header value express-session accepts for `sid` (its `s:` prefix, an HMAC-SHA256 signature
 * from cookie-signature, URI-encoded).
 *
 * @example
 * sessionCookie('abc', secret); // "flashnotify.sid=s%3Aabc.<signature>"
 */
function sessionCookie(sid: string, secret: string): string {
  return `${COOKIE_NAME}=${encodeURIComponent(`s:${sign(sid, secret)}`)}`;
}

/** A signed-in session of a bench user: its id (the store's key) and the cookie a client sends. */
export interface BenchSession extends SocketUser {
  sid: string;
}

/** New sessions for these users, with their signed cookies (not stored yet: see seed.ts insertSessions). */
export function newSessions(userIds: string[], secret: string): BenchSession[] {
  return userIds.map((userId) => {
    const sid = newSessionId();
    return { userId, sid, cookie: sessionCookie(sid, secret) };
  });
}
