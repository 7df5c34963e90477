import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { pageItems } from '../../utils/pages';
import { LoadMore } from './QueryStates';
import { QueryView } from './QueryView';

interface PagedQueryViewProps<TData extends { pages: { items: unknown[] }[] }> {
  query: UseInfiniteQueryResult<TData, Error>;
  loadingLabel: string;
  errorTitle: string;
  /** Shown when no page has any item. */
  empty: ReactNode;
  /** The items of every loaded page, once there are some. */
  children: (items: TData['pages'][number]['items']) => ReactNode;
}

/**
 * A paginated list's states (see QueryView) with "Load more" under it.
 *
 * @example
 * <PagedQueryView query={sends} loadingLabel={intl.formatMessage({ id: 'admin.sends.loading' })}
 *   errorTitle={intl.formatMessage({ id: 'admin.sends.loadFailed' })} empty={<EmptyState … />}>
 *   {(items) => <SendsTable sends={items} />}
 * </PagedQueryView>
 */
export function PagedQueryView<TData extends { pages: { items: unknown[] }[] }>({
  query,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: PagedQueryViewProps<TData>) {
  return (
    <>
      <QueryView query={query} loadingLabel={loadingLabel} errorTitle={errorTitle} isEmpty={(data) => pageItems(data).length === 0} empty={empty}>
        {(data) => children(pageItems(data))}
      </QueryView>
      <LoadMore query={query} />
    </>
  );
}
