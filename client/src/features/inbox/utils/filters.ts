import type { InboxStatus } from '@shared/types';
import type { NotificationDto, UpdateNotificationInput } from '@shared/schemas/notification';

/** What one inbox list shows: a status tab and optionally one category. */
export interface InboxFilters {
  status: InboxStatus;
  category?: string;
}

/** Statuses the inbox offers as tabs. */
export const INBOX_TABS = [
  { status: 'all', labelId: 'inbox.tab.all' },
  { status: 'unread', labelId: 'inbox.tab.unread' },
  { status: 'archived', labelId: 'inbox.tab.archived' },
] as const;

/** One of the tab statuses. */
export type InboxTabStatus = (typeof INBOX_TABS)[number]['status'];

/** Drops an empty category so `{ status: 'all' }` and `{ status: 'all', category: '' }` share a cache key. */
export function normalizeFilters({ status, category }: InboxFilters): InboxFilters {
  return category ? { status, category } : { status };
}

/** Counts as unread in the badge: not read, not archived, not snoozed (counts exclude those). */
export function isUnread(item: NotificationDto): boolean {
  return item.readAt === null && item.archivedAt === null && item.snoozedUntil === null;
}

/** Whether the server would return `item` in a list with these filters. */
export function matchesFilters(item: NotificationDto, filters: InboxFilters): boolean {
  // Deleted (a `notification.updated` with `deletedAt`): in no list, not even Archived.
  if (item.deletedAt) return false;
  if (filters.category && item.category !== filters.category) return false;
  // Snoozed items are in the `snoozed` view only, until they wake (as new, with a new seq).
  if (filters.status === 'snoozed') return item.archivedAt === null && item.snoozedUntil !== null;
  if (item.snoozedUntil !== null) return false;
  switch (filters.status) {
    case 'archived':
      return item.archivedAt !== null;
    case 'unread':
      return item.archivedAt === null && item.readAt === null;
    case 'read':
      return item.archivedAt === null && item.readAt !== null;
    case 'all':
      return item.archivedAt === null;
  }
}

/** The item as it will look after the server applies `patch` (for optimistic updates). */
export function applyPatch(
  item: NotificationDto,
  patch: UpdateNotificationInput,
  now: string = new Date().toISOString(),
): NotificationDto {
  const next = { ...item };
  if (patch.read !== undefined) next.readAt = patch.read ? (item.readAt ?? now) : null;
  if (patch.seen) next.seenAt = item.seenAt ?? now;
  if (patch.archived !== undefined) next.archivedAt = patch.archived ? (item.archivedAt ?? now) : null;
  if (patch.pinned !== undefined) next.pinnedAt = patch.pinned ? (item.pinnedAt ?? now) : null;
  // The server's rules: archiving ends a snooze, snoozing un-archives. Waking (null) is left to the
  // server's `notification.created`: the item comes back with a new seq.
  if (patch.archived === true) next.snoozedUntil = null;
  if (typeof patch.snoozedUntil === 'string') {
    next.snoozedUntil = new Date(patch.snoozedUntil).toISOString();
    next.archivedAt = null;
  }
  return next;
}
