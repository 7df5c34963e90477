import { useViewCounts } from '../api/getCounts';
import type { InboxFilters, InboxTabStatus } from '../utils/filters';
import { CategorySelect } from './CategorySelect';
import { InboxTabs, tabId } from './InboxTabs';
import { MarkAllReadButton } from './MarkAllReadButton';
import { NotificationList } from './NotificationList';
import './inbox.css';

const PANEL_ID = 'inbox-panel';

/** What the inbox view shows and where its filter changes go (the URL in the app, state in a host page). */
export interface InboxViewProps {
  filters: InboxFilters & { status: InboxTabStatus };
  onStatusChange: (status: InboxTabStatus) => void;
  onCategoryChange: (category: string | undefined) => void;
  /** The title's heading level: the app's page has its h1; a host page usually has its own. */
  headingLevel?: 1 | 2;
}

/**
 * The inbox: tabs, category filter, "Mark all as read" and the live list — the app's page at `/` and the
 * embedded `<NotificationFeed/>` alike. Under a category filter the header, the Unread tab's count and the
 * button all speak of that category (the bell stays global), so a category with nothing unread says so and
 * offers nothing to mark.
 */
export function InboxView({ filters, onStatusChange, onCategoryChange, headingLevel = 1 }: InboxViewProps) {
  const { data: counts } = useViewCounts(filters.category);
  const unread = counts?.unread ?? 0;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  return (
    <div className="inbox">
      <header className="page-header">
        <div>
          <Heading className="page-header__title">Inbox</Heading>
          <p className="page-header__subtitle" data-testid="inbox-summary">
            {counts === undefined ? '\u00a0' : summary(unread, Boolean(filters.category))}
          </p>
        </div>
        <MarkAllReadButton category={filters.category} className="btn btn--secondary" />
      </header>
      <div className="inbox__toolbar">
        <InboxTabs value={filters.status} onChange={onStatusChange} panelId={PANEL_ID} unread={unread} />
        <CategorySelect value={filters.category} onChange={onCategoryChange} />
      </div>
      <section id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(filters.status)} className="inbox__panel">
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
