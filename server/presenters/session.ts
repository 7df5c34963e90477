import { createHash } from 'node:crypto';
import type { SessionDto } from '../../shared/schemas/account.js';

/** The columns a session DTO is built from. */
export interface SessionRow {
  sid: string;
  data: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  expiresAt: Date;
}

/**
 * The handle a client names a session by: a one-way hash of the session id. The session id itself is the
 * secret inside the httpOnly cookie and never goes to a script.
 */
export function sessionHandle(sid: string): string {
  return createHash('sha256').update(`flashnotify:session-handle.${sid}`).digest('base64url').slice(0, 22);
}

/** Row → DTO for the sessions page; `currentSid` is the session of the request ("this device"). */
export function presentSession(row: SessionRow, currentSid: string): SessionDto {
  return {
    id: sessionHandle(row.sid),
    userAgent: userAgentOf(row.data),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    current: row.sid === currentSid,
  };
}

/** The User-Agent the session stored at sign-in (routes/auth.ts); '' when absent or unreadable. */
function userAgentOf(data: string): string {
  try {
    const userAgent = (JSON.parse(data) as { userAgent?: unknown }).userAgent;
    return typeof userAgent === 'string' ? userAgent : '';
  } catch {
    return '';
  }
}
