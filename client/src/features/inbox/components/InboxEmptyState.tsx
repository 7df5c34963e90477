import { Archive, BellOff, CheckCheck } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { useCategoryLabel } from '../api/getCategories';
import type { InboxFilters } from '../utils/filters';

const COPY = {
  all: { Icon: BellOff, title: 'inbox.empty.all.title', text: 'inbox.empty.all.text' },
  unread: { Icon: CheckCheck, title: 'inbox.empty.unread.title', text: 'inbox.empty.unread.text' },
  read: { Icon: CheckCheck, title: 'inbox.empty.read.title', text: 'inbox.empty.read.text' },
  archived: { Icon: Archive, title: 'inbox.empty.archived.title', text: 'inbox.empty.archived.text' },
  snoozed: { Icon: BellOff, title: 'inbox.empty.snoozed.title', text: 'inbox.empty.snoozed.text' },
} as const;

/** What the inbox shows when a filtered list has no items. */
export function InboxEmptyState({ filters }: { filters: InboxFilters }) {
  const { Icon, title, text } = COPY[filters.status];
  const labelOf = useCategoryLabel();
  return (
    <div className="empty-state" data-testid="inbox-empty">
      <span className="empty-state__icon">
        <Icon size={22} aria-hidden />
      </span>
      <p className="empty-state__title">
        <FormattedMessage id={title} />
      </p>
      <p className="empty-state__text">
        {filters.category && <FormattedMessage id="inbox.empty.inCategory" values={{ category: labelOf(filters.category) }} />}
        <FormattedMessage id={text} />
      </p>
    </div>
  );
}
