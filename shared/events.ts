import type { ApiErrorBody } from './errors.js';
import type { InboxCounts, NotificationDto } from './schemas/notification.js';
import type { PreferencesDto } from './schemas/preferences.js';

/**
 * Socket.IO event maps, used by `Server<…>` on the server and `io<…>()` on the client.
 *
 * Handshake: the client passes `{ lastSeq, userId }` in its `auth` payload (a function, so every reconnect
 * sends the latest values); a session of another user than `userId` is refused (`session_changed`). After joining the user's room the server replays every notification with
 * `seq > lastSeq` in order (or sends `sync.reset` when the gap is too large), then `counts.updated`,
 * then `sync.done`.
 *
 * While connected, a client that sees a jump in `seq` on the live stream (events lost between nodes, e.g.
 * during a Redis outage) asks for the gap with `sync.request` and gets the same replay as an answer.
 */
export interface ServerToClientEvents {
  /**
   * See CreatedMeta: a replayed one (toast only what is new) or a live one with the counts after it. Also a
   * notification coming back from a snooze: the same id under a new, higher `seq` (unread, unseen, on top),
   * to be taken as new, not dropped as a duplicate (SeqWatermark dedupes by id and seq); its old seq is
   * never used again. The replay leaves out notifications snoozed at the time, so they come only this way.
   */
  'notification.created': (notification: NotificationDto, meta?: CreatedMeta) => void;
  /**
   * Read/unread/seen/archived/pinned changes, and snoozes (`snoozedUntil` set: out of every view but
   * `snoozed`, and out of the counts), so all tabs and devices agree. A deletion is this event with
   * `deletedAt` set: drop the item from every list (it also has `archivedAt` set, so a client that does not
   * know `deletedAt` at least moves it out of the inbox). An undone deletion comes back the same way, with
   * `deletedAt` null: the item is upserted where it belongs.
   */
  'notification.updated': (notification: NotificationDto) => void;
  /**
   * Bulk changes. Mark all read / mark all seen (`readAll` / `seenAll`): the items in `category` (all when
   * absent) with `seq <= upToSeq` (all when absent); the client applies the same scope, then refetches its
   * lists. Bulk actions and undos (`POST /api/notifications/bulk`, `/undo`): `items`, the changed items as
   * they are now (deleted ones with `deletedAt` set), when at most BULK_EVENT_ITEMS_MAX changed; else
   * `refetch` (the client refetches its lists). One event per action either way, after its one commit, then
   * `counts.updated`.
   */
  'notifications.bulkUpdated': (change: BulkUpdateChange) => void;
  'counts.updated': (counts: InboxCounts) => void;
  /** The user's preferences changed (in another tab, by a service, or by an unsubscribe link). */
  'preferences.updated': (preferences: PreferencesDto) => void;
  /** The client missed more than the server replays: drop local lists and refetch. */
  'sync.reset': (info: { latestSeq: number }) => void;
  /**
   * Replay after (re)connect finished; `latestSeq` is the highest seq the client now holds, `userId` whose
   * stream it is (a token client learns from it that an admin moved its `sub` to another account).
   */
  'sync.done': (info: { latestSeq: number; replayed: number; userId: string }) => void;
}

/** What comes with a `notification.created`. */
export interface CreatedMeta {
  /** Part of the catch-up after a (re)connect, so clients toast only what is new (followed by `counts.updated`). */
  replayed?: true;
  /**
   * On a live one: the recipient's counts right after it, as `counts.updated` would carry them (apply if
   * newer by `version`). One frame per new notification instead of two: a fan-out writes half as much.
   */
  counts?: InboxCounts;
}

/** What a `notifications.bulkUpdated` event changed. */
export interface BulkUpdateChange {
  readAll?: boolean;
  seenAll?: boolean;
  category?: string;
  upToSeq?: number;
  /** A bulk action's or undo's changed items, as they are now: write each into the lists (see `notification.updated`). */
  items?: NotificationDto[];
  /** More items changed than an event carries: refetch the lists. */
  refetch?: true;
}

/** Most items a `notifications.bulkUpdated` lists; beyond, it says `refetch` (the bulk ids limit: a selection always fits). */
export const BULK_EVENT_ITEMS_MAX = 100;

/**
 * The answer to `sync.request`: what followed `afterSeq`, oldest first (the connect replay's rule:
 * `reset` when more than the replay limit was missed or the client is ahead; drop local lists and
 * refetch), with fresh counts; or an error in the REST error shape, `retryAfterMs` when it is worth
 * asking again later (`rate_limited`, `service_unavailable`).
 */
export type SyncReply =
  | { ok: true; kind: 'replay'; latestSeq: number; items: NotificationDto[]; counts: InboxCounts }
  | { ok: true; kind: 'reset'; latestSeq: number; counts: InboxCounts }
  | { ok: false; error: ApiErrorBody['error'] & { retryAfterMs?: number } };

/** What clients may send; rooms are chosen by the server only. */
export interface ClientToServerEvents {
  /**
   * Asks for every notification after `afterSeq` (the client's watermark) at once, without
   * reconnecting. Validated (`syncRequestSchema`) and rate-limited per socket.
   */
  'sync.request': (request: SyncRequest, ack: (reply: SyncReply) => void) => void;
  /**
   * Hands a socket opened with a user token a fresh one for the same user before the current one expires,
   * so the socket lives on (without it, the server disconnects the socket when its token expires).
   * Validated (`authRefreshSchema`) and rate-limited per socket; refused on a cookie socket.
   */
  'auth.refresh': (request: { token: string }, ack: (reply: AuthRefreshReply) => void) => void;
}

/**
 * The answer to `auth.refresh`: when the socket now ends (ms since the epoch: the new token's `exp`, or its
 * secret's end when sooner), or why the token was refused (`token_expired`, `invalid_token`, `unknown_user`,
 * `session_changed` for another user's token; the socket keeps its old token until that expires).
 */
export type AuthRefreshReply = { ok: true; expiresAt: number } | { ok: false; error: ApiErrorBody['error'] & { retryAfterMs?: number } };

/** `sync.request` payload (validated by `syncRequestSchema`). */
export interface SyncRequest {
  afterSeq: number;
}

/** Handshake `auth` payload (validated by `socketAuthSchema`). */
export interface SocketAuth {
  lastSeq?: number;
  /** A host-signed user token (the embedded inbox); without it the session cookie authenticates. */
  token?: string;
  /** The user the client acts for; another user's session is refused with `session_changed`. */
  userId?: string;
}

/**
 * What the server keeps on each socket: its user, and what it was opened with: a login session (the web
 * app's cookie) or a user token (until `expiresAt`, ms since the epoch, unless `auth.refresh` extends it;
 * `secretId` null for USER_TOKEN_SECRET).
 */
export type SocketData =
  | { via: 'session'; userId: string; sessionId: string }
  | { via: 'userToken'; userId: string; secretId: string | null; expiresAt: number };
