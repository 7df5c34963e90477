import { useId, useRef, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import clsx from 'clsx';
import { Archive, ArchiveRestore, Circle, CircleCheck } from 'lucide-react';
import type { NotificationDto } from '@shared/schemas/notification';
import { formatAge, formatFullDate } from '../../../i18n/dates';
import { useCategoryLabel } from '../api/getCategories';
import { useUpdateNotification } from '../api/updateNotification';
import { useOpenNotification } from '../hooks/useOpenNotification';
import { useInboxExtensions } from './inboxExtensions';
import { NotificationActions } from './NotificationActions';
import { NotificationIcon } from './NotificationIcon';
import { NotificationLink } from './NotificationLink';
import { PriorityBadge } from './PriorityBadge';

interface NotificationItemProps {
  item: NotificationDto;
  /** Shared clock of the list, so relative times refresh together. */
  now: number;
}

/**
 * One inbox row: title, body, category, priority, time, and read/archive actions, with what the page's
 * extensions add (InboxExtensions: a selection checkbox, pinned and snoozed state, pin/snooze/delete). The
 * row itself is focusable by script only (`tabIndex={-1}`: the j/k shortcuts move between rows; Tab still
 * goes through the links and buttons), named by its title and described by its body.
 */
export function NotificationItem({ item, now }: NotificationItemProps) {
  const intl = useIntl();
  const update = useUpdateNotification();
  const open = useOpenNotification();
  const labelOf = useCategoryLabel();
  const { RowStart, RowMeta, RowActions } = useInboxExtensions();
  const unread = item.readAt === null;
  const archived = item.archivedAt !== null;
  const hasLink = item.actionUrl !== null;
  const linkRef = useRef<HTMLAnchorElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // A click anywhere on the row opens it; keyboard users reach the same link by Tab, so the row itself
  // stays a plain list item. Clicks on controls and text selections are left alone.
  const onRowClick = (event: MouseEvent<HTMLLIElement>) => {
    if (!hasLink || (event.target as HTMLElement).closest('a, button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    linkRef.current?.click();
  };

  return (
    <li
      data-testid="notification-item"
      data-id={item.id}
      data-read={unread ? 'false' : 'true'}
      data-archived={archived ? 'true' : 'false'}
      data-pinned={item.pinnedAt !== null ? 'true' : 'false'}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={item.body ? bodyId : undefined}
      className={clsx('notification', `notification--${item.priority}`, {
        'notification--unread': unread,
        'notification--linked': hasLink,
        'notification--selectable': RowStart !== undefined,
      })}
      onClick={onRowClick}
    >
      {RowStart && <RowStart item={item} />}
      <span className="notification__dot" aria-hidden />
      <div className="notification__content">
        <div className="notification__head">
          <NotificationIcon icon={item.icon} />
          <h3 className="notification__title" id={titleId}>
            <NotificationLink item={item} className="notification__link" onOpen={open} linkRef={linkRef}>
              {unread && <span className="sr-only">{intl.formatMessage({ id: 'inbox.item.unread' })}</span>}
              {item.title}
            </NotificationLink>
          </h3>
          <time className="notification__time" dateTime={item.createdAt} title={formatFullDate(intl, item.createdAt)}>
            {formatAge(intl, item.createdAt, now)}
          </time>
        </div>
        {item.body && (
          <p className="notification__body" id={bodyId}>
            {item.body}
          </p>
        )}
        <NotificationActions item={item} />
        <div className="notification__meta">
          <span className="chip">{labelOf(item.category)}</span>
          <PriorityBadge priority={item.priority} />
          {RowMeta && <RowMeta item={item} />}
        </div>
      </div>
      <div className="notification__actions">
        <button
          type="button"
          className="icon-btn"
          aria-label={intl.formatMessage({ id: unread ? 'inbox.item.markRead' : 'inbox.item.markUnread' })}
          title={intl.formatMessage({ id: unread ? 'inbox.item.markRead' : 'inbox.item.markUnread' })}
          onClick={() => update.mutate({ id: item.id, patch: { read: unread } })}
        >
          {unread ? <CircleCheck size={16} aria-hidden /> : <Circle size={16} aria-hidden />}
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={intl.formatMessage({ id: archived ? 'inbox.item.unarchive' : 'inbox.item.archive' })}
          title={intl.formatMessage({ id: archived ? 'inbox.item.unarchive' : 'inbox.item.archive' })}
          onClick={() => update.mutate({ id: item.id, patch: { archived: !archived } })}
        >
          {archived ? <ArchiveRestore size={16} aria-hidden /> : <Archive size={16} aria-hidden />}
        </button>
        {RowActions && <RowActions item={item} />}
      </div>
    </li>
  );
}
