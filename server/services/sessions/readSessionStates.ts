import type { Db } from '../../db/client.js';

/** Ids per `IN (…)` list: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** What re-validating a socket needs to know about the session it was opened with. */
export interface SessionState {
  /** The user the session is signed in as; undefined for a session without a sign-in. */
  userId: string | undefined;
  expiresAt: Date;
  /** False when the session names a user whose row is gone (deleted directly in the database). */
  userExists: boolean;
}

/**
 * Reads the state of many sessions at once: two queries per 500 ids (sessions, then their users),
 * however many sockets share them. Ids without a stored session are absent from the map.
 *
 * @example
 * const states = await readSessionStates(db, ['sid1', 'sid2']);
 * states.get('sid1')?.expiresAt;
 */
export async function readSessionStates(db: Db, sessionIds: string[]): Promise<Map<string, SessionState>> {
  const states = new Map<string, SessionState>();
  for (let i = 0; i < sessionIds.length; i += CHUNK) {
    const rows = await db.session.findMany({
      where: { sid: { in: sessionIds.slice(i, i + CHUNK) } },
      select: { sid: true, data: true, expiresAt: true },
    });
    const owners = new Map(rows.map((row) => [row.sid, userIdOf(row.data)]));
    const userIds = [...new Set([...owners.values()].filter((id): id is string => id !== undefined))];
    const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true } }) : [];
    const existing = new Set(users.map((user) => user.id));
    for (const row of rows) {
      const userId = owners.get(row.sid);
      states.set(row.sid, { userId, expiresAt: row.expiresAt, userExists: userId !== undefined && existing.has(userId) });
    }
  }
  return states;
}

/** The signed-in user of a stored session (express-session's JSON); undefined when unreadable or absent. */
export function userIdOf(data: string): string | undefined {
  try {
    const userId = (JSON.parse(data) as { userId?: unknown }).userId;
    return typeof userId === 'string' ? userId : undefined;
  } catch {
    return undefined;
  }
}
