import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { BulkUpdateChange } from '@shared/events';
import type { NotificationDto, NotificationPage } from '@shared/schemas/notification';
import { filtersFromListKey, notificationKeys } from '../api/notificationKeys';
import { applyBulkChange, coveredBy } from '../../../lib/bulkChange';
import { isUnread, matchesFilters, type InboxFilters } from './filters';

/** Cached pages of one inbox list. */
export type ListData = InfiniteData<NotificationPage, string | null>;

/** Cached list data by key, to restore after a failed optimistic update. */
export type ListSnapshot = Array<[QueryKey, ListData | undefined]>;

/**
 * Puts `item` where the server would show it in one list: replaced in place, removed when it no
 * longer matches the filters (e.g. archived out of "All", snoozed out of every view but "Snoozed"), or
 * inserted in the list's order when it newly matches. One whose place changed (a woken snooze comes
 * back with a new seq; a snooze moved to another time) is moved there.
 */
export function upsertIntoList(data: ListData, item: NotificationDto, filters: InboxFilters): ListData {
  const belongs = matchesFilters(item, filters);
  const comesBefore = listOrder(filters);
  let found = false;
  let moved = false;
  const pages = data.pages.map((page) => {
    const held = page.items.find((other) => other.id === item.id);
    if (!held) return page;
    found = true;
    const samePlace = !comesBefore(held, item) && !comesBefore(item, held);
    if (belongs && samePlace) return { ...page, items: page.items.map((other) => (other.id === item.id ? item : other)) };
    moved = belongs;
    return { ...page, items: page.items.filter((other) => other.id !== item.id) };
  });
  if (found && !moved) return { ...data, pages };
  if (!belongs) return data;
  return { ...data, pages: insertInOrder(pages, item, comesBefore) };
}

/**
 * Whether `a` is shown before `b` in a list with these filters: by seq, newest first; the snoozed view by
 * wake time, soonest first (then by seq), as the server pages it.
 */
function listOrder(filters: InboxFilters): (a: NotificationDto, b: NotificationDto) => boolean {
  if (filters.status !== 'snoozed') return (a, b) => a.seq > b.seq;
  const wakesAt = (item: NotificationDto) => (item.snoozedUntil ? Date.parse(item.snoozedUntil) : Infinity);
  return (a, b) => wakesAt(a) < wakesAt(b) || (wakesAt(a) === wakesAt(b) && a.seq < b.seq);
}

/** Inserts in the list's order; an item after every loaded page belongs to a page not fetched yet. */
function insertInOrder(
  pages: NotificationPage[],
  item: NotificationDto,
  comesBefore: (a: NotificationDto, b: NotificationDto) => boolean,
): NotificationPage[] {
  const target = pages.findIndex((page, index) => {
    const last = page.items.at(-1);
    const isLastLoaded = index === pages.length - 1 && page.nextCursor === null;
    return !last || comesBefore(item, last) || isLastLoaded;
  });
  if (target === -1) return pages;
  return pages.map((page, index) => {
    if (index !== target) return page;
    const at = page.items.findIndex((other) => comesBefore(item, other));
    const items = [...page.items];
    items.splice(at === -1 ? items.length : at, 0, item);
    return { ...page, items };
  });
}

/**
 * Writes one list's new data from a server event. A fetch of that list already in flight was answered
 * (or will be) from the database as it was before the event, and its result would overwrite the event's
 * change when it lands: the list is then refetched (the in-flight fetch is cancelled), so the event,
 * committed before it was emitted, is in the answer.
 */
function writeList(queryClient: QueryClient, key: QueryKey, data: ListData | undefined): void {
  if (data) queryClient.setQueryData<ListData>(key, data);
  if (queryClient.getQueryState(key)?.fetchStatus === 'fetching') refetchList(queryClient, key);
}

/**
 * Fetches one list anew (now if on screen; a list off screen is only marked stale, fetched when shown).
 * A list still loading its first page holds nothing to write into, and its fetch may have read the
 * database before the event just the same (else the badge counts a live item the list lacks). An
 * invalidation alone would not help there: without data, TanStack Query joins the fetch in flight instead
 * of restarting it. So that fetch is cancelled first.
 */
function refetchList(queryClient: QueryClient, key: QueryKey): void {
  if (queryClient.getQueryData(key) !== undefined) {
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
    return;
  }
  void queryClient
    .cancelQueries({ queryKey: key, exact: true })
    .then(() => queryClient.invalidateQueries({ queryKey: key, exact: true }));
}

/** Whether one of the list's loaded pages holds the item (by id). */
function holds(data: ListData, id: string): boolean {
  return data.pages.some((page) => page.items.some((item) => item.id === id));
}

/**
 * Writes `item` into every cached inbox list, each according to its own filters.
 *
 * A search list (`q`) cannot be decided here: whether the server's full-text index matches the item is its
 * own rule (tokenizer, accents, the last word as a prefix), and a client guess would either show an item the
 * search does not match or miss one it does. But events never change a notification's text, only its
 * state: an item a search list holds still matches the words, so its state decides exactly, as in any list
 * (replaced, moved, or removed: archived out of "All", unpinned out of "Pinned"). An item the search list
 * does not hold and whose state now fits it (a new notification, one unarchived into "All") may or may not
 * match the words: that list is fetched again, and the server decides. One refetch per such event while a
 * search is on screen; searches off screen are only marked stale.
 */
export function writeToLists(queryClient: QueryClient, item: NotificationDto): void {
  for (const [key, data] of queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() })) {
    const filters = filtersFromListKey(key);
    if (filters.q !== undefined && data && !holds(data, item.id) && matchesFilters(item, filters)) refetchList(queryClient, key);
    else writeList(queryClient, key, data && upsertIntoList(data, item, filters));
  }
}

/** Maps every cached item through `transform`, then drops items that left their list's filter. */
export function transformLists(
  queryClient: QueryClient,
  transform: (item: NotificationDto) => NotificationDto,
): void {
  for (const [key, data] of queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() })) {
    if (!data) {
      writeList(queryClient, key, undefined);
      continue;
    }
    const filters = filtersFromListKey(key);
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map(transform).filter((item) => matchesFilters(item, filters)),
    }));
    writeList(queryClient, key, { ...data, pages });
  }
}

/** Applies a "mark all" change (this tab's, or another tab's from the socket) to every cached list. */
export function applyBulkChangeToLists(queryClient: QueryClient, change: BulkUpdateChange): void {
  const now = new Date().toISOString();
  transformLists(queryClient, (item) => applyBulkChange(item, change, now));
}

/** Every distinct item the cached lists hold (an item can sit in several lists). */
export function loadedItems(queryClient: QueryClient): NotificationDto[] {
  const byId = new Map<string, NotificationDto>();
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() })) {
    for (const item of data?.pages.flatMap((page) => page.items) ?? []) byId.set(item.id, item);
  }
  return [...byId.values()];
}

/**
 * The highest `seq` among the items the client has loaded (and so shown: live items are written into
 * the lists on screen as they arrive), or undefined when it holds none. "Mark all" sends it as its bound.
 */
export function maxLoadedSeq(queryClient: QueryClient): number | undefined {
  const seqs = loadedItems(queryClient).map((item) => item.seq);
  return seqs.length > 0 ? Math.max(...seqs) : undefined;
}

/** Loaded unread items a change would leave unread: the best guess of the counts right after it. */
export function unreadLeftAfter(queryClient: QueryClient, change: BulkUpdateChange, category?: string): number {
  return loadedItems(queryClient).filter(
    (item) => isUnread(item) && (!category || item.category === category) && !coveredBy(change, item),
  ).length;
}

/** Finds an item in any cached list. */
export function findInLists(queryClient: QueryClient, id: string): NotificationDto | undefined {
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() })) {
    const hit = data?.pages.flatMap((page) => page.items).find((item) => item.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** Copies every cached list, before an optimistic write. */
export function snapshotLists(queryClient: QueryClient): ListSnapshot {
  return queryClient.getQueriesData<ListData>({ queryKey: notificationKeys.lists() });
}

/** Puts snapshotted lists back after a failed mutation. */
export function restoreLists(queryClient: QueryClient, snapshot: ListSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}
