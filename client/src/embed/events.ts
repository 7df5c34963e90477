import type { InboxCounts, NotificationDto } from '@shared/schemas/notification';

/** `detail` of the events the element dispatches (they bubble and cross shadow roots). */
export interface FlashNotifyEventMap {
  /** A notification the element did not hold: live, or replayed after a reconnect. */
  'flashnotify:notification': CustomEvent<{ notification: NotificationDto; replayed: boolean }>;
  /** Exact counts, each newer than the last. */
  'flashnotify:counts': CustomEvent<InboxCounts>;
  /** No token FlashNotify accepts could be had: the element shows "signed out" and holds no data. */
  'flashnotify:unauthorized': CustomEvent<null>;
  /**
   * A toast was shown: one live notification (`count` 1), or the summary of `count` replayed after a
   * reconnect (`notification` null). Not dispatched with `toasts="off"` or while the popover is open.
   */
  'flashnotify:toast': CustomEvent<{ notification: NotificationDto | null; count: number }>;
  /** The element stopped for good: `origin_not_allowed` = FlashNotify refuses this page's origin (ALLOWED_ORIGINS). */
  'flashnotify:error': CustomEvent<{ code: 'origin_not_allowed' }>;
}
