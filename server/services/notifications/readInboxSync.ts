import type { InboxCounts, NotificationDto } from '../../../shared/schemas/notification.js';
import { REPLAY_LIMIT } from '../../../shared/schemas/realtime.js';
import type { RawDatabase } from '../../db/rawDatabase.js';
import { presentNotification } from '../../presenters/notification.js';
import { isLiveSessionOf } from '../sessions/isLiveSessionOf.js';
import { countInboxRows, readInboxPosition, readStreamRows } from './inboxStatements.js';

export type MissedNotifications =
  | { kind: 'replay'; items: NotificationDto[] }
  /** Too many missed (or the client is ahead of the server, e.g. a restored database): refetch. */
  | { kind: 'reset' };

/** What a (re)connecting client needs to be in sync: where the stream stands, what it missed, the counts. */
export interface InboxSync {
  /** The user's latest seq: everything up to it is committed, and covered by `missed` (or by a REST refetch). */
  latestSeq: number;
  /** Undefined when the client sent no `afterSeq` (a fresh client loads its lists over REST). */
  missed: MissedNotifications | undefined;
  counts: InboxCounts;
}

/** Thrown when the user no longer exists (deleted while its socket connected). */
export class InboxUserGoneError extends Error {
  constructor(userId: string) {
    super(`User ${userId} does not exist`);
    this.name = 'InboxUserGoneError';
  }
}

/** Thrown when the session a socket connected with has ended (see readInboxSync's `sessionId`). */
export class InboxSessionEndedError extends Error {
  constructor() {
    super('The session this socket connected with has ended');
    this.name = 'InboxSessionEndedError';
  }
}

/**
 * What a reconnecting client missed after `afterSeq` (oldest first), where its stream stands, and its
 * counts: three prepared statements on the hot path's connection, in one turn at SQLite's gate.
 *
 * `latestSeq` is read before the rows: every seq up to it belongs to a committed row (the seq bump and
 * the insert share a transaction), so the replay covers (afterSeq, latestSeq] completely; anything newer
 * reaches the socket live because it joined the user's room before this read. The counts are read last
 * and labelled with the version read with `latestSeq`: a change committed in between carries a higher
 * version, so the client takes its counts over these.
 *
 * `sessionId` (a socket's first sync): the session the socket was admitted with is checked first, in the
 * same turn. The handshake's session was read when the connection opened, which may be long before the
 * client sent its CONNECT: a connection opened before a logout (or a password reset ending the user's
 * sessions) could otherwise connect afterwards, join the user's room, and get their notifications until
 * the next re-validation sweep. Checked after the rooms are joined, so a session ended later is caught
 * by the end's disconnect broadcast instead.
 *
 * @throws InboxUserGoneError when the user does not exist
 * @throws InboxSessionEndedError when `sessionId` is given and that session no longer signs in `userId`
 */
export async function readInboxSync(raw: RawDatabase, userId: string, afterSeq: number | undefined, sessionId?: string): Promise<InboxSync> {
  return raw.read(async (sql) => {
    if (sessionId !== undefined && !(await isLiveSessionOf(sql, sessionId, userId))) throw new InboxSessionEndedError();
    const position = await readInboxPosition(sql, userId);
    if (!position) throw new InboxUserGoneError(userId);
    const latestSeq = position.inboxSeq;
    let missed: MissedNotifications | undefined;
    if (afterSeq !== undefined) {
      missed =
        afterSeq > latestSeq || latestSeq - afterSeq > REPLAY_LIMIT
          ? { kind: 'reset' }
          : { kind: 'replay', items: (await readStreamRows(sql, userId, afterSeq, latestSeq)).map(presentNotification) };
    }
    const counted = (await countInboxRows(sql, [userId])).get(userId)!;
    return { latestSeq, missed, counts: { ...counted, version: position.stateVersion } };
  });
}
