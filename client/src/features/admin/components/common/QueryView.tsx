import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { ErrorState, TableSkeleton } from './QueryStates';

interface QueryViewProps<T> {
  query: UseQueryResult<T, Error> | UseInfiniteQueryResult<T, Error>;
  /** Accessible name of the skeleton shown while the first load runs. */
  loadingLabel: string;
  /** Skeleton rows; TableSkeleton's default when left out. */
  skeletonRows?: number;
  /** Headline of the error state (its text is the error's message, with "Try again"). */
  errorTitle: string;
  /** True when the loaded data has nothing to show; then `empty` stands in for the content. */
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  /** The content, once there is data to show. */
  children: (data: T) => ReactNode;
}

/**
 * A query's four states in one place: a skeleton while it loads, an error with retry, an empty state,
 * else the content.
 *
 * @example
 * <QueryView query={topics} loadingLabel={intl.formatMessage({ id: 'admin.topics.loading' })}
 *   errorTitle={intl.formatMessage({ id: 'admin.topics.loadFailed' })}
 *   isEmpty={(data) => data.length === 0} empty={<EmptyState … />}>
 *   {(data) => <TopicsTable topics={data} />}
 * </QueryView>
 */
export function QueryView<T>({ query, loadingLabel, skeletonRows, errorTitle, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <TableSkeleton label={loadingLabel} rows={skeletonRows} />;
  if (query.isError) return <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data)) return empty;
  return children(query.data);
}
