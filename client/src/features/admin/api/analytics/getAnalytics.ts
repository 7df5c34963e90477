import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsGranularity, AnalyticsReport } from '@shared/schemas/analytics';
import { apiFetch, toSearch } from '../../../../lib/api';

/** A report's range and bucket size, as the API takes them (ISO instants, `to` exclusive). */
export interface AnalyticsRange {
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
}

/** The report's URL; `csv` gives the download of the same figures. */
export function analyticsUrl(range: AnalyticsRange, format: 'json' | 'csv' = 'json'): string {
  return `/api/admin/analytics${toSearch({ ...range, format: format === 'csv' ? 'csv' : undefined })}`;
}

/**
 * The analytics of one range (query keys start with 'admin', which login/logout clear). The previous
 * range's figures stay on screen while a new range loads.
 *
 * @example
 * const query = useAnalytics({ from, to, granularity: 'hour' });
 */
export function useAnalytics(range: AnalyticsRange) {
  return useQuery({
    queryKey: ['admin', 'analytics', range],
    queryFn: ({ signal }) => apiFetch<AnalyticsReport>(analyticsUrl(range), { signal }),
    placeholderData: keepPreviousData,
  });
}
