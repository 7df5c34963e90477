import { useState, type MouseEvent } from 'react';
import clsx from 'clsx';
import { ChevronRight } from 'lucide-react';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { useNow } from '../../../../hooks/useNow';
import { CHANNEL_LABELS, formatCount } from '../../utils/format';
import { ACTIONS_COLUMN, DataTable, type DataTableColumn } from '../common/DataTable';
import { RelativeTime } from '../common/TimeCell';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { DeliveryTimeline } from './DeliveryTimeline';
import { deliveryRecipient, isRetryable } from './deliveryLabels';
import { RetryDeliveryButton } from './RetryDeliveryButton';
import './deliveries.css';

interface DeliveriesTableProps {
  deliveries: DeliveryDto[];
  testId?: string;
  /** Leave out the notification column (a send's own page already names it). */
  hideNotification?: boolean;
}

/**
 * Deliveries as rows; a row opens (click, or its disclosure button) to the attempts timeline below it.
 * Failed and dead rows have "Retry".
 */
export function DeliveriesTable({ deliveries, testId = 'deliveries-table', hideNotification = false }: DeliveriesTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const now = useNow(15_000);
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns: DataTableColumn[] = [
    'Time',
    'Channel',
    'Recipient',
    ...(hideNotification ? [] : ['Notification']),
    'Status',
    { label: 'Attempts', numeric: true },
    'Last error',
    ACTIONS_COLUMN,
  ];

  return (
    <DataTable testId={testId} columns={columns}>
      {deliveries.map((delivery) => {
        const expanded = open.has(delivery.id);
        const timelineId = `delivery-timeline-${delivery.id}`;
        // A click anywhere on the row opens it, except on its own buttons and links.
        const onRowClick = (event: MouseEvent) => {
          if (!(event.target as HTMLElement).closest('button, a')) toggle(delivery.id);
        };
        return [
          <tr
            key={delivery.id}
            className={clsx('delivery-row', expanded && 'is-selected')}
            data-testid="delivery-row"
            data-id={delivery.id}
            data-status={delivery.status}
            onClick={onRowClick}
          >
            <td data-label="Time" className="data-table__primary delivery-row__time">
              <button
                type="button"
                className="disclosure"
                aria-expanded={expanded}
                aria-controls={expanded ? timelineId : undefined}
                onClick={() => toggle(delivery.id)}
              >
                <ChevronRight size={15} className="disclosure__icon" aria-hidden />
                <span className="sr-only">{expanded ? 'Hide' : 'Show'} attempts, queued </span>
                <RelativeTime iso={delivery.createdAt} now={now} />
              </button>
            </td>
            <td data-label="Channel">
              <span className="chip">{CHANNEL_LABELS[delivery.channel]}</span>
            </td>
            <td data-label="Recipient" className="delivery-row__recipient">
              <RecipientCell delivery={delivery} />
            </td>
            {!hideNotification && (
              <td data-label="Notification" className="delivery-row__title">
                {delivery.notificationTitle}
              </td>
            )}
            <td data-label="Status">
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td data-label="Attempts" className="num">
              {formatCount(delivery.attempts)}
            </td>
            <td data-label="Last error" className="delivery-row__error">
              {delivery.lastError ? <span title={delivery.lastError}>{delivery.lastError}</span> : <span className="muted">—</span>}
            </td>
            <td className="data-table__actions">{isRetryable(delivery.status) && <RetryDeliveryButton delivery={delivery} />}</td>
          </tr>,
          expanded && (
            <tr key={`${delivery.id}-timeline`} id={timelineId} className="data-table__edit-row delivery-row__detail">
              <td colSpan={columns.length}>
                <DeliveryTimeline delivery={delivery} />
              </td>
            </tr>
          ),
        ];
      })}
    </DataTable>
  );
}

/** The channel's address (phone for SMS, "No phone" when missing), with whose it is underneath. */
function RecipientCell({ delivery }: { delivery: DeliveryDto }) {
  const { address, person, missing } = deliveryRecipient(delivery);
  return (
    <span className="stacked">
      <span className={missing ? 'muted' : undefined}>{address}</span>
      {person && <span className="data-table__sub">{person}</span>}
    </span>
  );
}
