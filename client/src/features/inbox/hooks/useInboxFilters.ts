import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { categoryKeySchema } from '@shared/schemas/notification';
import { INBOX_TABS, type InboxFilters, type InboxTabStatus } from '../utils/filters';

function parseStatus(value: string | null): InboxTabStatus {
  return INBOX_TABS.find((tab) => tab.status === value)?.status ?? 'all';
}

/**
 * The inbox filters, kept in the URL (`?status=unread&category=billing`) so views can be linked and
 * survive a reload.
 */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const rawCategory = params.get('category');
  const category = rawCategory && categoryKeySchema.safeParse(rawCategory).success ? rawCategory : undefined;
  const filters = useMemo<InboxFilters>(() => (category ? { status, category } : { status }), [status, category]);

  const update = useCallback(
    (key: 'status' | 'category', value: string | undefined, fallback: string) => {
      // Start from the address bar, not the hook's params: the router re-renders inside a transition,
      // so two quick changes (tab, then category) would otherwise build on a stale copy.
      const next = new URLSearchParams(window.location.search);
      if (!value || value === fallback) next.delete(key);
      else next.set(key, value);
      setParams(next, { replace: true });
    },
    [setParams],
  );

  return {
    filters,
    status,
    setStatus: useCallback((value: InboxTabStatus) => update('status', value, 'all'), [update]),
    setCategory: useCallback((value: string | undefined) => update('category', value, ''), [update]),
  };
}
