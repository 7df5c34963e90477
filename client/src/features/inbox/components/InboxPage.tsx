import { useInboxFilters } from '../hooks/useInboxFilters';
import { InboxActionsProvider } from './InboxActionsProvider';
import { InboxView } from './InboxView';

/**
 * The inbox at `/`, its filters kept in the URL (`?status=unread&category=billing&q=deploy&pinned=true`),
 * driven by keyboard shortcuts too, with the app's actions on notifications (bulk selection, pin, snooze,
 * delete, Undo).
 */
export function InboxPage() {
  const { filters, change } = useInboxFilters();
  return (
    <InboxActionsProvider filters={filters}>
      <InboxView filters={filters} onFiltersChange={change} shortcuts />
    </InboxActionsProvider>
  );
}
