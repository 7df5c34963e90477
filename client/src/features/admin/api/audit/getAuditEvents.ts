import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEventPage, AuditTargetType } from '@shared/schemas/audit';
import { apiFetch, toSearch } from '../../../../lib/api';

/** Rows per page of the audit log. */
const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit log page, as the API takes them (`from` inclusive, `to` exclusive, ISO instants). */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log's query keys (all start with 'admin', which login/logout clear with the rest).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: auditKeys.all }); // after a change the log records
 */
export const auditKeys = {
  all: ['admin', 'audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};

/** Fetches one page of the audit log, newest first. */
function fetchAuditPage(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<AuditEventPage> {
  const search = toSearch({ ...filters, cursor: cursor ?? undefined, limit: AUDIT_PAGE_SIZE });
  return apiFetch<AuditEventPage>(`/api/admin/audit${search}`, { signal });
}

/**
 * The audit log for one set of filters, page by page ("Load more").
 *
 * @example
 * const query = useAuditEvents({ action: 'user.erased' });
 */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
}
