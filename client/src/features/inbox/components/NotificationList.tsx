import { useNow } from '../../../hooks/useNow';
import { useIntl } from 'react-intl';
import { useNotifications } from '../api/getNotifications';
import { useInfiniteScroll } from '../hooks/useInfiniteScroll';
import { useNewItemsPill } from '../hooks/useNewItemsPill';
import { groupByDay, groupByWake } from '../utils/dayGroups';
import { normalizeFilters, type InboxFilters } from '../utils/filters';
import { DayGroupList } from './DayGroupList';
import { InboxEmptyState } from './InboxEmptyState';
import { NewItemsPill } from './NewItemsPill';
import { NotificationSkeleton } from './NotificationSkeleton';

/**
 * The filtered inbox list in day sections (Today, Yesterday, This week, Older, in the browser's time zone;
 * the snoozed view by the day its items come back), with infinite scroll (and a "Load more" button where
 * observers fail), and the "N new" pill for items arriving while it is scrolled down.
 */
export function NotificationList({ filters, onClearSearch }: { filters: InboxFilters; onClearSearch?: () => void }) {
  const intl = useIntl();
  const query = useNotifications(filters);
  const now = useNow(30_000);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const sentinel = useInfiniteScroll(() => void fetchNextPage(), hasNextPage && !isFetchingNextPage);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const pill = useNewItemsPill(items, JSON.stringify(normalizeFilters(filters)));

  if (query.isPending) return <NotificationSkeleton />;
  if (query.isError) {
    return (
      <div className="empty-state" role="alert">
        <p className="empty-state__title">{intl.formatMessage({ id: 'inbox.loadFailed' })}</p>
        <p className="empty-state__text">{query.error.message}</p>
        <button type="button" className="btn btn--secondary" onClick={() => void query.refetch()}>
          {intl.formatMessage({ id: 'common.tryAgain' })}
        </button>
      </div>
    );
  }

  if (items.length === 0 && !hasNextPage) return <InboxEmptyState filters={filters} onClearSearch={onClearSearch} />;
  const groups =
    filters.status === 'snoozed'
      ? groupByWake(items, (item) => item.snoozedUntil ?? item.createdAt, now)
      : groupByDay(items, (item) => item.createdAt, now);

  return (
    <>
      <div ref={pill.top} className="notification-list__top" aria-hidden />
      <NewItemsPill count={pill.count} onShow={pill.showNew} />
      {groups.map((group) => (
        <DayGroupList key={group.key} labelId={group.labelId} items={group.items} now={now} />
      ))}
      <div ref={sentinel} className="notification-list__sentinel" aria-hidden />
      {hasNextPage && (
        <div className="notification-list__more">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {intl.formatMessage({ id: isFetchingNextPage ? 'common.loading' : 'inbox.loadMore' })}
          </button>
        </div>
      )}
      {!hasNextPage && items.length > 8 && <p className="notification-list__end">{intl.formatMessage({ id: 'inbox.end' })}</p>}
    </>
  );
}
