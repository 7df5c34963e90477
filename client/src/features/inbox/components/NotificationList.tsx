import { useNow } from '../../../hooks/useNow';
import { useNotifications } from '../api/getNotifications';
import { useInfiniteScroll } from '../hooks/useInfiniteScroll';
import type { InboxFilters } from '../utils/filters';
import { InboxEmptyState } from './InboxEmptyState';
import { NotificationItem } from './NotificationItem';
import { NotificationSkeleton } from './NotificationSkeleton';

/** The filtered inbox list with infinite scroll (and a "Load more" button where observers fail). */
export function NotificationList({ filters }: { filters: InboxFilters }) {
  const query = useNotifications(filters);
  const now = useNow(30_000);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const sentinel = useInfiniteScroll(() => void fetchNextPage(), hasNextPage && !isFetchingNextPage);

  if (query.isPending) return <NotificationSkeleton />;
  if (query.isError) {
    return (
      <div className="empty-state" role="alert">
        <p className="empty-state__title">Couldn’t load notifications</p>
        <p className="empty-state__text">{query.error.message}</p>
        <button type="button" className="btn btn--secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0 && !hasNextPage) return <InboxEmptyState filters={filters} />;

  return (
    <>
      <ul className="notification-list" aria-label="Notifications">
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} now={now} />
        ))}
      </ul>
      <div ref={sentinel} className="notification-list__sentinel" aria-hidden />
      {hasNextPage && (
        <div className="notification-list__more">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {!hasNextPage && items.length > 8 && <p className="notification-list__end">You’ve reached the end.</p>}
    </>
  );
}
