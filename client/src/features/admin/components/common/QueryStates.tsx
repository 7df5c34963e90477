import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';

/** Placeholder rows while a table's first page loads. */
export function TableSkeleton({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div className="table-skeleton" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="table-skeleton__row" aria-hidden>
          <span className="skeleton table-skeleton__cell table-skeleton__cell--wide" />
          <span className="skeleton table-skeleton__cell" />
          <span className="skeleton table-skeleton__cell" />
        </div>
      ))}
    </div>
  );
}

/** A failed load, with "Try again". */
export function ErrorState({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  const intl = useIntl();
  return (
    <div className="empty-state" role="alert">
      <p className="empty-state__title">{title}</p>
      <p className="empty-state__text">{apiErrorMessage(intl, error, 'errors.unreachable')}</p>
      <button type="button" className="btn btn--secondary" onClick={onRetry}>
        <FormattedMessage id="common.tryAgain" />
      </button>
    </div>
  );
}

/** Nothing to show yet, with a hint at what would fill the space. */
export function EmptyState({ Icon, title, children }: { Icon: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <span className="empty-state__icon">
        <Icon size={22} aria-hidden />
      </span>
      <p className="empty-state__title">{title}</p>
      {children && <p className="empty-state__text">{children}</p>}
    </div>
  );
}

/** The parts of an infinite query that LoadMore reads. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a paginated table, or nothing on the last page. */
export function LoadMore({ query }: { query: PagedQuery }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="table-more">
      <button type="button" className="btn btn--secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        <FormattedMessage id={query.isFetchingNextPage ? 'common.loading' : 'admin.loadMore'} />
      </button>
    </div>
  );
}
