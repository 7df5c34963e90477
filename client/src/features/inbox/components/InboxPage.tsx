import { useInboxFilters } from '../hooks/useInboxFilters';
import { InboxView } from './InboxView';

/** The inbox at `/`, its filters kept in the URL (`?status=unread&category=billing`), driven by keyboard shortcuts too. */
export function InboxPage() {
  const { filters, status, setStatus, setCategory } = useInboxFilters();
  return <InboxView filters={{ ...filters, status }} onStatusChange={setStatus} onCategoryChange={setCategory} shortcuts />;
}
