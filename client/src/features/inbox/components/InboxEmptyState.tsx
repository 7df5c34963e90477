import { Archive, BellOff, CheckCheck, Clock, Pin, SearchX } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { useCategoryLabel } from '../api/getCategories';
import type { InboxFilters } from '../utils/filters';

const COPY = {
  all: { Icon: BellOff, title: 'inbox.empty.all.title', text: 'inbox.empty.all.text' },
  unread: { Icon: CheckCheck, title: 'inbox.empty.unread.title', text: 'inbox.empty.unread.text' },
  read: { Icon: CheckCheck, title: 'inbox.empty.read.title', text: 'inbox.empty.read.text' },
  archived: { Icon: Archive, title: 'inbox.empty.archived.title', text: 'inbox.empty.archived.text' },
  snoozed: { Icon: Clock, title: 'inbox.empty.snoozed.title', text: 'inbox.empty.snoozed.text' },
} as const;

const PINNED = { Icon: Pin, title: 'inbox.empty.pinned.title', text: 'inbox.empty.pinned.text' } as const;
const SEARCH = { Icon: SearchX, title: 'inbox.empty.search.title', text: 'inbox.empty.search.text' } as const;

/**
 * What the inbox shows when a filtered list has no items: a search that matched nothing (with a button that
 * ends it), else the pinned filter's or the tab's own words; a category filter is named.
 */
export function InboxEmptyState({ filters, onClearSearch }: { filters: InboxFilters; onClearSearch?: () => void }) {
  const labelOf = useCategoryLabel();
  const { Icon, title, text } = filters.q ? SEARCH : filters.pinned ? PINNED : COPY[filters.status];
  return (
    <div className="empty-state" data-testid="inbox-empty">
      <span className="empty-state__icon">
        <Icon size={22} aria-hidden />
      </span>
      <p className="empty-state__title">
        <FormattedMessage id={title} values={{ query: filters.q }} />
      </p>
      <p className="empty-state__text">
        {filters.category && <FormattedMessage id="inbox.empty.inCategory" values={{ category: labelOf(filters.category) }} />}
        <FormattedMessage id={text} />
      </p>
      {filters.q && onClearSearch && (
        <button type="button" className="btn btn--secondary" onClick={onClearSearch}>
          <FormattedMessage id="inbox.search.clear" />
        </button>
      )}
    </div>
  );
}
