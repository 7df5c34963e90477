/**
 * The inbox's views beyond the tabs — search, Snoozed, Pinned — in the web app's filters, URL and list cache
 * (client/src/features/inbox/utils/filters.ts, hooks/useInboxFilters.ts, utils/listCache.ts).
 */
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationKeys } from '../../../client/src/features/inbox/api/notificationKeys.js';
import { filtersFromSearch, withFilters } from '../../../client/src/features/inbox/hooks/useInboxFilters.js';
import { changeFilters, matchesFilters, normalizeFilters, type InboxFilters } from '../../../client/src/features/inbox/utils/filters.js';
import { applyBulkChangeToLists, upsertIntoList, writeToLists, type ListData } from '../../../client/src/features/inbox/utils/listCache.js';
import type { NotificationPage } from '../../../shared/schemas/notification.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const item = notificationDto;
const PINNED_AT = '2026-01-02T00:00:00.000Z';
const list = (...items: ReturnType<typeof item>[]): ListData => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });
const ids = (data: ListData | undefined) => data?.pages.flatMap((page) => page.items.map((n) => n.id));

describe('the filters', () => {
  it('normalizes to one cache key: blank search and category dropped, search trimmed, none in the snoozed view', () => {
    expect(normalizeFilters({ status: 'all', category: '', q: '   ' })).toEqual({ status: 'all' });
    expect(normalizeFilters({ status: 'unread', q: '  deploy failed ', pinned: true })).toEqual({ status: 'unread', q: 'deploy failed', pinned: true });
    expect(normalizeFilters({ status: 'snoozed', q: 'deploy' })).toEqual({ status: 'snoozed' });
    expect(normalizeFilters({ status: 'all', q: 'x'.repeat(150) }).q).toHaveLength(100);
    expect(notificationKeys.list({ status: 'all', q: ' deploy ' })).toEqual(notificationKeys.list({ status: 'all', q: 'deploy', category: '' }));
  });

  it('switches a search typed in Snoozed to All, and ends a search when Snoozed is chosen', () => {
    expect(changeFilters({ status: 'snoozed', category: 'billing' }, { q: 'invoice' })).toEqual({ status: 'all', category: 'billing', q: 'invoice' });
    expect(changeFilters({ status: 'unread', q: 'invoice', pinned: true }, { status: 'snoozed' })).toEqual({ status: 'snoozed', pinned: true });
    expect(changeFilters({ status: 'unread', q: 'invoice' }, { status: 'archived' })).toEqual({ status: 'archived', q: 'invoice' });
    // Clearing a search, or blanks, in Snoozed stays there.
    expect(changeFilters({ status: 'snoozed' }, { q: '  ' })).toEqual({ status: 'snoozed' });
    expect(changeFilters({ status: 'all', q: 'invoice', pinned: true }, { q: undefined, pinned: undefined })).toEqual({ status: 'all' });
  });

  it('reads them from the URL and writes them back, defaults left out and other parameters kept', () => {
    const params = new URLSearchParams('status=unread&category=billing&q=+deploy+&pinned=true&utm=x');
    const filters = filtersFromSearch(params);
    expect(filters).toEqual({ status: 'unread', category: 'billing', q: 'deploy', pinned: true });
    expect(withFilters(params, { status: 'all' }).toString()).toBe('utm=x');
    expect(withFilters(new URLSearchParams(), filters).toString()).toBe('status=unread&category=billing&q=deploy&pinned=true');
    // Unknown values are ignored; a hand-made search in Snoozed is dropped (the server refuses it).
    expect(filtersFromSearch(new URLSearchParams('status=nope&category=Not%20a%20key&pinned=yes'))).toEqual({ status: 'all' });
    expect(filtersFromSearch(new URLSearchParams('status=snoozed&q=deploy'))).toEqual({ status: 'snoozed' });
  });

  it('matches the pinned filter on pinnedAt, in every tab', () => {
    const pinned = item(1, { pinnedAt: PINNED_AT });
    expect(matchesFilters(pinned, { status: 'all', pinned: true })).toBe(true);
    expect(matchesFilters(item(2), { status: 'all', pinned: true })).toBe(false);
    expect(matchesFilters(item(2), { status: 'all', pinned: false })).toBe(true);
    expect(matchesFilters(pinned, { status: 'all', pinned: false })).toBe(false);
    expect(matchesFilters({ ...pinned, archivedAt: PINNED_AT }, { status: 'all', pinned: true })).toBe(false);
    expect(matchesFilters({ ...pinned, archivedAt: PINNED_AT }, { status: 'archived', pinned: true })).toBe(true);
    expect(matchesFilters({ ...pinned, snoozedUntil: PINNED_AT }, { status: 'snoozed', pinned: true })).toBe(true);
  });
});

describe('the list cache and the pinned filter', () => {
  it('takes in an item when pinned, in its seq order, and drops it when unpinned or archived', () => {
    const filters: InboxFilters = { status: 'all', pinned: true };
    const view = list(item(5, { pinnedAt: PINNED_AT }), item(1, { pinnedAt: PINNED_AT }));
    const pinned3 = upsertIntoList(view, item(3, { pinnedAt: PINNED_AT }), filters);
    expect(ids(pinned3)).toEqual(['n5', 'n3', 'n1']);
    expect(ids(upsertIntoList(pinned3, item(3), filters))).toEqual(['n5', 'n1']);
    expect(ids(upsertIntoList(pinned3, item(5, { pinnedAt: PINNED_AT, archivedAt: PINNED_AT }), filters))).toEqual(['n3', 'n1']);
    // A new notification is never pinned: not in the Pinned view.
    expect(ids(upsertIntoList(view, item(9), filters))).toEqual(['n5', 'n1']);
  });
});

/** A QueryClient holding lists as the app would; `shown` lists have an observer (on screen), the others are cached only. */
function cacheWith(lists: Array<{ filters: InboxFilters; data: ListData; shown?: boolean }>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const fetches: InboxFilters[] = [];
  for (const { filters, data, shown } of lists) {
    queryClient.setQueryData(notificationKeys.list(filters), data);
    if (!shown) continue;
    const observer = new InfiniteQueryObserver(queryClient, {
      queryKey: notificationKeys.list(filters),
      queryFn: async (): Promise<NotificationPage> => {
        fetches.push(filters);
        return data.pages[0]!;
      },
      initialPageParam: null as string | null,
      getNextPageParam: () => null,
    });
    observer.subscribe(() => {});
  }
  const state = (filters: InboxFilters) => queryClient.getQueryState(notificationKeys.list(filters));
  const held = (filters: InboxFilters) => ids(queryClient.getQueryData<ListData>(notificationKeys.list(filters)));
  return { queryClient, fetches, state, held };
}

describe('the list cache and a search', () => {
  const search: InboxFilters = { status: 'all', q: 'deploy' };
  const unreadSearch: InboxFilters = { status: 'unread', q: 'deploy' };

  it('asks the server again for a search on screen when an item that may match arrives, rather than guessing', async () => {
    const { queryClient, fetches, held } = cacheWith([{ filters: search, data: list(item(2, { title: 'Deploy 2' })), shown: true }]);
    // Whether "Deploy 3" matches is the server's full-text rule: not inserted here, the list is fetched.
    writeToLists(queryClient, item(3, { title: 'Deploy 3' }));
    expect(held(search)).toEqual(['n2']);
    await expect.poll(() => fetches.length).toBe(1);
  });

  it('only marks stale a search off screen, fetched when shown again', () => {
    const { queryClient, fetches, state } = cacheWith([{ filters: search, data: list(item(2)) }]);
    writeToLists(queryClient, item(3));
    expect(state(search)?.isInvalidated).toBe(true);
    expect(fetches).toEqual([]);
  });

  it('leaves a search alone for an item whose state keeps it out (snoozed, another category, not pinned)', () => {
    const pinnedSearch: InboxFilters = { status: 'all', q: 'deploy', pinned: true, category: 'ops' };
    const { queryClient, state } = cacheWith([{ filters: pinnedSearch, data: list(item(2, { category: 'ops', pinnedAt: PINNED_AT })) }]);
    writeToLists(queryClient, item(3, { category: 'ops' }));
    writeToLists(queryClient, item(4, { category: 'billing', pinnedAt: PINNED_AT }));
    writeToLists(queryClient, item(5, { category: 'ops', pinnedAt: PINNED_AT, snoozedUntil: PINNED_AT }));
    expect(state(pinnedSearch)?.isInvalidated).toBe(false);
  });

  it('updates an item the search holds in place, by its state alone (its text never changes): no refetch', () => {
    const { queryClient, state, held } = cacheWith([
      { filters: search, data: list(item(3), item(2), item(1)) },
      { filters: unreadSearch, data: list(item(3), item(2)) },
    ]);
    writeToLists(queryClient, item(2, { readAt: PINNED_AT }));
    expect(held(search)).toEqual(['n3', 'n2', 'n1']);
    expect(held(unreadSearch)).toEqual(['n3']);
    writeToLists(queryClient, item(3, { archivedAt: PINNED_AT }));
    expect(held(search)).toEqual(['n2', 'n1']);
    expect(state(search)?.isInvalidated).toBe(false);
    expect(state(unreadSearch)?.isInvalidated).toBe(false);
  });

  it('never adds by a bulk change: "mark all read" takes items out of an unread search, adds none', () => {
    const { queryClient, held, state } = cacheWith([
      { filters: unreadSearch, data: list(item(3), item(2)) },
      { filters: search, data: list(item(3), item(2), item(1, { readAt: PINNED_AT })) },
    ]);
    applyBulkChangeToLists(queryClient, { readAll: true, upToSeq: 2 });
    expect(held(unreadSearch)).toEqual(['n3']);
    expect(held(search)).toEqual(['n3', 'n2', 'n1']);
    expect(state(search)?.isInvalidated).toBe(false);
  });
});
