import type { InboxStatus } from '@shared/types';
import type { NotificationDto, UpdateNotificationInput } from '@shared/schemas/notification';

/**
 * What one inbox list shows: a status tab, and optionally one category, a search and the pinned filter
 * (the `GET /api/notifications` query of the same names).
 */
export interface InboxFilters {
  status: InboxStatus;
  category?: string;
  /**
   * Search text (1–100 characters once trimmed), matched by the server's full-text index on title and body;
   * never with `status: 'snoozed'` (the server refuses it there). Not matched by {@link matchesFilters}.
   */
  q?: string;
  /** true: pinned items only; false: unpinned only; absent: both. */
  pinned?: boolean;
}

/** Statuses the inbox offers as tabs. */
export const INBOX_TABS = [
  { status: 'all', labelId: 'inbox.tab.all' },
  { status: 'unread', labelId: 'inbox.tab.unread' },
  { status: 'snoozed', labelId: 'inbox.tab.snoozed' },
  { status: 'archived', labelId: 'inbox.tab.archived' },
] as const;

/** One of the tab statuses. */
export type InboxTabStatus = (typeof INBOX_TABS)[number]['status'];

/** Longest search the server takes (searchQuerySchema), in characters once trimmed. */
export const SEARCH_MAX_LENGTH = 100;

/**
 * The search a list is asked with: trimmed, undefined when blank or in the snoozed view (not searched).
 * Longer than the server takes is cut rather than sent to be refused.
 */
export function searchOf(status: InboxStatus, q: string | undefined): string | undefined {
  const text = q?.trim().slice(0, SEARCH_MAX_LENGTH).trim();
  return text && status !== 'snoozed' ? text : undefined;
}

/**
 * The filters as one canonical object, the lists' cache key: an empty category or search and an absent
 * pinned filter are left out, so `{ status: 'all' }` and `{ status: 'all', category: '', q: ' ' }` share a key.
 */
export function normalizeFilters<F extends InboxFilters>({ status, category, q, pinned }: F): Pick<F, 'status'> & InboxFilters {
  const search = searchOf(status, q);
  return {
    status,
    ...(category ? { category } : {}),
    ...(search ? { q: search } : {}),
    ...(pinned === undefined ? {} : { pinned }),
  };
}

/** The filters of the inbox view on screen: one of its tabs. */
export type ViewFilters = InboxFilters & { status: InboxTabStatus };

/**
 * The view's filters after a person's change (a tab, a category, a search, the pinned filter; undefined
 * puts one back to its default), normalized. The snoozed view is not searched (the server refuses `q`
 * there): choosing it ends a search, and a search typed while it is shown switches to "All", where it
 * covers the whole inbox, rather than being refused or silently ignored.
 *
 * @example
 * changeFilters({ status: 'snoozed' }, { q: 'deploy' }) // { status: 'all', q: 'deploy' }
 * changeFilters({ status: 'all', q: 'deploy' }, { status: 'snoozed' }) // { status: 'snoozed' }
 */
export function changeFilters(current: ViewFilters, change: Partial<ViewFilters>): ViewFilters {
  const next = { ...current, ...change };
  if (next.status === 'snoozed' && searchOf('all', next.q)) {
    if ('q' in change) next.status = 'all';
    else delete next.q;
  }
  return normalizeFilters(next);
}

/** Counts as unread in the badge: not read, not archived, not snoozed (counts exclude those). */
export function isUnread(item: NotificationDto): boolean {
  return item.readAt === null && item.archivedAt === null && item.snoozedUntil === null;
}

/**
 * Whether the server would return `item` in a list with these filters, the search aside: the server's
 * full-text rules (its tokenizer, accents, prefixes) are not repeated here, so for a list with `q` this says
 * only whether the item's state fits (see writeToLists for what the cache does about the text).
 */
export function matchesFilters(item: NotificationDto, filters: InboxFilters): boolean {
  // Deleted (a `notification.updated` with `deletedAt`): in no list, not even Archived.
  if (item.deletedAt) return false;
  if (filters.category && item.category !== filters.category) return false;
  if (filters.pinned !== undefined && (item.pinnedAt !== null) !== filters.pinned) return false;
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
