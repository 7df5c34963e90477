import { normalizeFilters, type InboxFilters } from '../utils/filters';

/**
 * Query keys of the inbox, from broad to narrow, so one prefix invalidates a whole family.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }); // every list, any filter
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (filters: InboxFilters) => [...notificationKeys.lists(), normalizeFilters(filters)] as const,
  counts: () => [...notificationKeys.all, 'counts'] as const,
  /** The counts of one category (the filtered inbox view); a child of `counts()`. */
  categoryCounts: (category: string) => [...notificationKeys.counts(), { category }] as const,
  categories: () => [...notificationKeys.all, 'categories'] as const,
};

/** The filters a list key was built from (its last element). */
export function filtersFromListKey(key: readonly unknown[]): InboxFilters {
  return key[key.length - 1] as InboxFilters;
}
