import { CheckCheck } from 'lucide-react';
import { useCounts } from '../api/getCounts';
import { useMarkAllRead } from '../api/markAllRead';
import { useInboxFilters } from '../hooks/useInboxFilters';
import { CategorySelect } from './CategorySelect';
import { InboxTabs, tabId } from './InboxTabs';
import { NotificationList } from './NotificationList';
import './inbox.css';

const PANEL_ID = 'inbox-panel';

/** The inbox at `/`: tabs, category filter, "Mark all as read" and the live list. */
export function InboxPage() {
  const { filters, status, setStatus, setCategory } = useInboxFilters();
  const { data: counts } = useCounts();
  const markAllRead = useMarkAllRead();
  const unread = counts?.unread ?? 0;

  return (
    <div className="inbox">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Inbox</h1>
          <p className="page-header__subtitle">
            {unread === 0 ? 'You’re all caught up.' : `${unread} unread ${unread === 1 ? 'notification' : 'notifications'}`}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => markAllRead.mutate(filters.category ? { category: filters.category } : {})}
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
