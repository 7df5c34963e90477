import { useInboxFilters } from '../hooks/useInboxFilters';
import { InboxView } from './InboxView';

/**
 * The inbox at `/`, its filters kept in the URL (`?status=unread&category=billing&q=deploy&pinned=true`),
 * driven by keyboard shortcuts too.
 */
export function InboxPage() {
  const { filters, change } = useInboxFilters();
  return <InboxView filters={filters} onFiltersChange={change} shortcuts />;
}
