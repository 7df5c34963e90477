/**
 * A live event that lands while a list is being fetched must survive that fetch: the fetch read the
 * database before the event's commit, and its answer would otherwise overwrite the event in the cache.
 */
import { InfiniteQueryObserver, QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationKeys } from '../../../client/src/features/inbox/api/notificationKeys.js';
import { writeToLists } from '../../../client/src/features/inbox/utils/listCache.js';
import type { NotificationDto, NotificationPage } from '../../../shared/schemas/notification.js';
import { notificationDto } from '../../helpers/notificationDto.js';

/** Resolves when `predicate` holds (polled every 5 ms); rejects after `timeoutMs`. */
async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const item = (seq: number): NotificationDto => notificationDto(seq, { title: `Notification ${seq}` });

/** The "All" list on screen (an observer), fetched with `queryFn`; `ids()` reads its first page. */
function showList(queryFn: () => Promise<NotificationPage>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const key = notificationKeys.list({ status: 'all' });
  const observer = new InfiniteQueryObserver(queryClient, {
    queryKey: key,
    queryFn,
    initialPageParam: null as string | null,
    getNextPageParam: () => null,
  });
  const unsubscribe = observer.subscribe(() => {});
  const ids = () => queryClient.getQueryData<InfiniteData<NotificationPage>>(key)?.pages[0]?.items.map((n) => n.id);
  return { queryClient, key, ids, unsubscribe };
}

describe('writeToLists during a fetch of the same list', () => {
  it('keeps the live item: the list is fetched again, and that answer has it', async () => {
    const committed = [item(1)]; // the database
    let held: (() => void) | undefined;
    let hold = false;
    const queryFn = () =>
      new Promise<NotificationPage>((resolve) => {
        const answer = { items: [...committed].reverse(), nextCursor: null }; // read now…
        if (hold) held = () => resolve(answer); // …answered later
        else resolve(answer);
      });
    const { queryClient, key, ids, unsubscribe } = showList(queryFn);
    await waitFor(() => ids()?.length === 1, 2000, 'the first page');

    hold = true;
    void queryClient.refetchQueries({ queryKey: key }); // e.g. the refetch after (re)connecting
    await waitFor(() => held !== undefined, 2000, 'the refetch to read the database');
    hold = false;

    committed.push(item(2)); // notification 2 commits, then its live event arrives
    writeToLists(queryClient, item(2));
    expect(ids()).toEqual(['n2', 'n1']);

    held!(); // the answer read before the commit lands
    await waitFor(() => queryClient.getQueryState(key)?.fetchStatus === 'idle', 2000, 'fetching to settle');
    expect(ids()).toEqual(['n2', 'n1']);
    unsubscribe();
  });
});

describe('writeToLists during the first fetch of a list', () => {
  it('keeps the live item although the list held no page yet: the list is fetched again', async () => {
    const committed = [item(1)];
    const held: Array<() => void> = [];
    let fetches = 0;
    const queryFn = () =>
      new Promise<NotificationPage>((resolve) => {
        fetches += 1;
        const answer = { items: [...committed].reverse(), nextCursor: null };
        // The first fetch (the list opening) is answered late, as on a slow first load.
        if (fetches === 1) held.push(() => resolve(answer));
        else resolve(answer);
      });
    const { queryClient, key, ids, unsubscribe } = showList(queryFn);
    await waitFor(() => held.length === 1, 2000, 'the first fetch to read the database');

    committed.push(item(2)); // notification 2 commits, its live event arrives before the first page does
    writeToLists(queryClient, item(2));

    held[0]!();
    await waitFor(() => queryClient.getQueryState(key)?.fetchStatus === 'idle' && ids() !== undefined, 2000, 'fetching to settle');
    expect(ids()).toEqual(['n2', 'n1']);
    unsubscribe();
  });
});
