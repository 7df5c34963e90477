import { Archive, BellOff, CheckCheck } from 'lucide-react';
import { useCategoryLabel } from '../api/getCategories';
import type { InboxFilters } from '../utils/filters';

const COPY = {
  all: {
    Icon: BellOff,
    title: 'Your inbox is empty',
    text: 'New notifications appear here the moment they are sent.',
  },
  unread: { Icon: CheckCheck, title: 'You’re all caught up', text: 'There is nothing unread right now.' },
  read: { Icon: CheckCheck, title: 'Nothing read yet', text: 'Notifications you have read show up here.' },
  archived: {
    Icon: Archive,
    title: 'Nothing archived',
    text: 'Archive notifications to tidy up your inbox without losing them.',
  },
  snoozed: { Icon: BellOff, title: 'Nothing snoozed', text: 'Snoozed notifications wait here until they come back.' },
};

/** What the inbox shows when a filtered list has no items. */
export function InboxEmptyState({ filters }: { filters: InboxFilters }) {
  const { Icon, title, text } = COPY[filters.status];
  const labelOf = useCategoryLabel();
  return (
    <div className="empty-state" data-testid="inbox-empty">
      <span className="empty-state__icon">
        <Icon size={22} aria-hidden />
      </span>
      <p className="empty-state__title">{title}</p>
      <p className="empty-state__text">
        {filters.category ? `No matches in the “${labelOf(filters.category)}” category. ` : ''}
        {text}
      </p>
    </div>
  );
}
