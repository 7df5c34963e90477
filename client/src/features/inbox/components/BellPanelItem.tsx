import clsx from 'clsx';
import { useIntl } from 'react-intl';
import type { NotificationDto } from '@shared/schemas/notification';
import { formatAge } from '../../../i18n/dates';
import { useCategoryLabel } from '../api/getCategories';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { NotificationActions } from './NotificationActions';
import { NotificationIcon } from './NotificationIcon';
import { NotificationLink } from './NotificationLink';

interface BellPanelItemProps {
  item: NotificationDto;
  now: number;
  onOpen: (item: NotificationDto) => void;
}

/** A compact row of the bell panel; the whole row is one link (its action URL, or the inbox page where there is one). */
export function BellPanelItem({ item, now, onOpen }: BellPanelItemProps) {
  const intl = useIntl();
  const unread = item.readAt === null;
  const labelOf = useCategoryLabel();
  const { inboxPath } = useInboxEnvironment();
  return (
    <li
      data-testid="bell-item"
      data-id={item.id}
      data-read={unread ? 'false' : 'true'}
      className={clsx('bell-item', `bell-item--${item.priority}`, unread && 'bell-item--unread')}
    >
      <NotificationLink item={item} className="bell-item__link" onOpen={onOpen} fallbackTo={inboxPath ?? undefined}>
        <span className="bell-item__dot" aria-hidden />
        <NotificationIcon icon={item.icon} />
        <span className="bell-item__text">
          <span className="bell-item__title">
            {unread && <span className="sr-only">{intl.formatMessage({ id: 'inbox.item.unread' })}</span>}
            {item.title}
          </span>
          {item.body && <span className="bell-item__body">{item.body}</span>}
          <span className="bell-item__meta">
            {labelOf(item.category)} · {formatAge(intl, item.createdAt, now)}
          </span>
        </span>
      </NotificationLink>
      <NotificationActions item={item} />
    </li>
  );
}
