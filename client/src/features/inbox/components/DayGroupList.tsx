import { useId } from 'react';
import type { NotificationDto } from '@shared/schemas/notification';
import { NotificationItem } from './NotificationItem';

interface DayGroupListProps {
  label: string;
  items: NotificationDto[];
  now: number;
}

/** One day section of the inbox: its heading ("Today") and the list it names. */
export function DayGroupList({ label, items, now }: DayGroupListProps) {
  const headingId = useId();
  return (
    <div className="notification-group" data-testid="notification-group">
      <h2 id={headingId} className="notification-group__heading">
        {label}
      </h2>
      <ul className="notification-list" aria-labelledby={headingId}>
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} now={now} />
        ))}
      </ul>
    </div>
  );
}
