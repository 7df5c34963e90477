import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../i18n/messageIds';
import type { NotificationDto } from '@shared/schemas/notification';
import { NotificationItem } from './NotificationItem';

interface DayGroupListProps {
  labelId: MessageId;
  items: NotificationDto[];
  now: number;
}

/** One day section of the inbox: its heading ("Today") and the list it names. */
export function DayGroupList({ labelId, items, now }: DayGroupListProps) {
  const headingId = useId();
  return (
    <div className="notification-group" data-testid="notification-group">
      <h2 id={headingId} className="notification-group__heading">
        <FormattedMessage id={labelId} />
      </h2>
      <ul className="notification-list" aria-labelledby={headingId}>
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} now={now} />
        ))}
      </ul>
    </div>
  );
}
