import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { DeliveryPage } from '@shared/schemas/delivery';
import { apiFetch, toSearch } from '../../../../lib/api';
import { deliveryKeys, type DeliveryFilters } from './keys';

/** Rows per page of deliveries. */
export const DELIVERIES_PAGE_SIZE = 25;
/** Deliveries move on their own (the worker sends, retries, gives up): lists refresh this often. */
export const DELIVERIES_REFRESH_MS = 5_000;

/** Fetches one page of deliveries, newest first. */
export function fetchDeliveryPage(filters: DeliveryFilters, cursor: string | null, signal?: AbortSignal): Promise<DeliveryPage> {
  const search = toSearch({ ...filters, cursor: cursor ?? undefined, limit: DELIVERIES_PAGE_SIZE });
  return apiFetch<DeliveryPage>(`/api/admin/deliveries${search}`, { signal });
}

/** Infinite query of deliveries for one set of filters, refreshed every few seconds while shown. */
export function deliveryListOptions(filters: DeliveryFilters) {
  return infiniteQueryOptions({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchDeliveryPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: DELIVERIES_REFRESH_MS,
    refetchInterval: DELIVERIES_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/**
 * Deliveries, page by page.
 *
 * @example
 * const query = useDeliveries({ channel: 'email', status: 'dead' });
 */
export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery(deliveryListOptions(filters));
}
