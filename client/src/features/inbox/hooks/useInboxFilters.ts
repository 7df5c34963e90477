import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { categoryKeySchema } from '@shared/schemas/notification';
import { changeFilters, INBOX_TABS, normalizeFilters, type ViewFilters } from '../utils/filters';

/** The URL query's names of the filters. */
const FILTER_PARAMS = ['status', 'category', 'q', 'pinned'] as const;

/**
 * The inbox filters of a URL query (`?status=unread&category=billing&q=deploy&pinned=true`): unknown
 * values are ignored, and so is a search in the snoozed view (only a hand-made URL has one).
 */
export function filtersFromSearch(params: URLSearchParams): ViewFilters {
  const status = INBOX_TABS.find((tab) => tab.status === params.get('status'))?.status ?? 'all';
  const category = params.get('category') ?? undefined;
  return normalizeFilters({
    status,
    category: category && categoryKeySchema.safeParse(category).success ? category : undefined,
    q: params.get('q') ?? undefined,
    pinned: params.get('pinned') === 'true' ? true : undefined,
  });
}

/** `params` with the filters written over its own (the defaults left out); other parameters are kept. */
export function withFilters(params: URLSearchParams, filters: ViewFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_PARAMS) next.delete(name);
  if (filters.status !== 'all') next.set('status', filters.status);
  if (filters.category) next.set('category', filters.category);
  if (filters.q) next.set('q', filters.q);
  if (filters.pinned) next.set('pinned', 'true');
  return next;
}

/**
 * The inbox filters, kept in the URL (`?status=unread&category=billing&q=deploy&pinned=true`) so views can
 * be linked and survive a reload.
 */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const { status, category, q, pinned } = filtersFromSearch(params);
  const filters = useMemo(() => normalizeFilters({ status, category, q, pinned }), [status, category, q, pinned]);

  const change = useCallback(
    (update: Partial<ViewFilters>) => {
      // Start from the address bar, not the hook's params: the router re-renders inside a transition,
      // so two quick changes (tab, then category) would otherwise build on a stale copy.
      const current = new URLSearchParams(window.location.search);
      setParams(withFilters(current, changeFilters(filtersFromSearch(current), update)), { replace: true });
    },
    [setParams],
  );

  return { filters, change };
}
