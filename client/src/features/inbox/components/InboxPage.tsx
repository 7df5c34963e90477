import { useQueryClient } from '@tanstack/react-query';
import { CheckCheck } from 'lucide-react';
import { useViewCounts } from '../api/getCounts';
import { markAllReadInput, useMarkAllRead } from '../api/markAllRead';
import { useInboxFilters } from '../hooks/useInboxFilters';
import { CategorySelect } from './CategorySelect';
import { InboxTabs, tabId } from './InboxTabs';
import { NotificationList } from './NotificationList';
import './inbox.css';

const PANEL_ID = 'inbox-panel';

/**
 * The inbox at `/`: tabs, category filter, "Mark all as read" and the live list. Under a category filter
 * the header, the Unread tab's count and the button all speak of that category (the bell stays global),
 * so a category with nothing unread says so and offers nothing to mark.
 */
export function InboxPage() {
  const queryClient = useQueryClient();
  const { filters, status, setStatus, setCategory } = useInboxFilters();
  const { data: counts } = useViewCounts(filters.category);
  const markAllRead = useMarkAllRead();
  const unread = counts?.unread ?? 0;

  return (
    <div className="inbox">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Inbox</h1>
          <p className="page-header__subtitle" data-testid="inbox-summary">
            {counts === undefined ? '\u00a0' : summary(unread, Boolean(filters.category))}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => markAllRead.mutate(markAllReadInput(queryClient, filters.category))}
          disabled={unread === 0 || markAllRead.isPending}
        >
          <CheckCheck size={16} aria-hidden />
          Mark all as read
        </button>
      </header>
      <div className="inbox__toolbar">
        <InboxTabs value={status} onChange={setStatus} panelId={PANEL_ID} unread={unread} />
        <CategorySelect value={filters.category} onChange={setCategory} />
      </div>
      <section id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(status)} className="inbox__panel">
        <NotificationList filters={filters} />
      </section>
    </div>
  );
}

function summary(unread: number, filtered: boolean): string {
  const where = filtered ? ' in this category' : '';
  if (unread === 0) return filtered ? 'Nothing unread in this category.' : 'You’re all caught up.';
  return `${unread} unread ${unread === 1 ? 'notification' : 'notifications'}${where}`;
}
