import type { Db } from '../../db/client.js';

/** Ids per query: one IN list per 500 ids keeps each statement small on both databases. */
const CHUNK = 500;

/** Which of the asked secrets still verify and which of the asked users still exist. */
export interface UserTokenStates {
  /** The secrets that still verify, each with its end (ms since the epoch; undefined: none yet, `active`). */
  liveSecrets: Map<string, number | undefined>;
  liveUsers: Set<string>;
}

/**
 * Reads, for sockets opened with user tokens, whether their secrets are still live (not revoked, not past a
 * rotation's end at `now`, ms since the epoch) and their users still exist: a constant number of queries
 * per 500 ids, not one per socket.
 *
 * @example
 * const { liveSecrets, liveUsers } = await readUserTokenStates(db, { secretIds: ['uts_…'], userIds: ['c…'] });
 */
export async function readUserTokenStates(db: Db, { secretIds, userIds }: { secretIds: string[]; userIds: string[] }, now = Date.now()): Promise<UserTokenStates> {
  const liveSecrets = new Map<string, number | undefined>();
  const liveUsers = new Set<string>();
  for (let i = 0; i < secretIds.length; i += CHUNK) {
    const rows = await db.userTokenSecret.findMany({ where: { id: { in: secretIds.slice(i, i + CHUNK) } }, select: { id: true, revokedAt: true, expiresAt: true } });
    for (const row of rows) if (!row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > now)) liveSecrets.set(row.id, row.expiresAt?.getTime());
  }
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await db.user.findMany({ where: { id: { in: userIds.slice(i, i + CHUNK) } }, select: { id: true } });
    for (const row of rows) liveUsers.add(row.id);
  }
  return { liveSecrets, liveUsers };
}

/** A socket's signing secret was revoked or ended between its token's check and its join (syncOnConnect). */
export class UserTokenSecretEndedError extends Error {
  constructor() {
    super('The signing secret of the socket’s token has ended');
    this.name = 'UserTokenSecretEndedError';
  }
}

/**
 * Whether one secret still verifies at `now` (read from the database, not from any cache): `{ endsAt }` (a
 * rotation's end, or undefined for none) when it does, undefined when it was revoked, has ended or is gone.
 */
export async function readUserTokenSecretEnd(db: Db, secretId: string, now = Date.now()): Promise<{ endsAt: number | undefined } | undefined> {
  const { liveSecrets } = await readUserTokenStates(db, { secretIds: [secretId], userIds: [] }, now);
  return liveSecrets.has(secretId) ? { endsAt: liveSecrets.get(secretId) } : undefined;
}
