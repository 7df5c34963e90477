import type { InboxCounts, NotificationDto } from './schemas/notification.js';
import type { PreferencesDto } from './schemas/preferences.js';

/**
 * Socket.IO event maps, used by `Server<…>` on the server and `io<…>()` on the client.
 *
 * Handshake: the client passes `{ lastSeq }` in its `auth` payload (a function, so every reconnect sends
 * the latest value). After joining the user's room the server replays every notification with
 * `seq > lastSeq` in order (or sends `sync.reset` when the gap is too large), then `counts.updated`,
 * then `sync.done`.
 */
export interface ServerToClientEvents {
  /** `meta.replayed` marks the catch-up after a (re)connect, so clients toast only what is new. */
  'notification.created': (notification: NotificationDto, meta?: { replayed: true }) => void;
  /** Read/unread/seen/archived changes, so all tabs and devices agree. */
  'notification.updated': (notification: NotificationDto) => void;
  /**
   * Bulk changes (mark all read, mark all seen) of the items in `category` (all when absent) with
   * `seq <= upToSeq` (all when absent): the client applies the same scope, then refetches its lists.
   */
  'notifications.bulkUpdated': (change: BulkUpdateChange) => void;
  'counts.updated': (counts: InboxCounts) => void;
  /** The user's preferences changed (in another tab, by a service, or by an unsubscribe link). */
  'preferences.updated': (preferences: PreferencesDto) => void;
  /** The client missed more than the server replays: drop local lists and refetch. */
  'sync.reset': (info: { latestSeq: number }) => void;
  /** Replay after (re)connect finished; `latestSeq` is the highest seq the client now holds. */
  'sync.done': (info: { latestSeq: number; replayed: number }) => void;
}

/** What a `notifications.bulkUpdated` event changed. */
export interface BulkUpdateChange {
  readAll?: boolean;
  seenAll?: boolean;
  category?: string;
  upToSeq?: number;
}

/** Clients send nothing but the handshake; rooms are chosen by the server only. */
export type ClientToServerEvents = Record<string, never>;

/** Handshake `auth` payload (validated by `socketAuthSchema`). */
export interface SocketAuth {
  lastSeq?: number;
}

/** What the server keeps on each socket. */
export interface SocketData {
  userId: string;
  sessionId: string;
}
