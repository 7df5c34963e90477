import { useInboxFilters } from '../hooks/useInboxFilters';
import { InboxActionsProvider } from './InboxActionsProvider';
import { InboxView } from './InboxView';

/**
 * The inbox at `/`, its filters kept in the URL (`?status=unread&category=billing`), driven by keyboard
 * shortcuts too, with the app's actions on notifications (bulk selection, pin, snooze, delete, Undo).
 */
export function InboxPage() {
  const { filters, status, setStatus, setCategory } = useInboxFilters();
  const view = { ...filters, status };
  return (
    <InboxActionsProvider filters={view}>
      <InboxView filters={view} onStatusChange={setStatus} onCategoryChange={setCategory} shortcuts />
    </InboxActionsProvider>
  );
}
