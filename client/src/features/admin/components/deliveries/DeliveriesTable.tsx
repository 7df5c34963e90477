import { useState, type MouseEvent } from 'react';
import clsx from 'clsx';
import { ChevronRight } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { useNow } from '../../../../hooks/useNow';
import { CHANNEL_NAMES } from '../../../preferences';
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
  const intl = useIntl();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const now = useNow(15_000);
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns: DataTableColumn[] = [
    intl.formatMessage({ id: 'admin.deliveries.col.time' }),
    intl.formatMessage({ id: 'admin.deliveries.col.channel' }),
    intl.formatMessage({ id: 'admin.deliveries.col.recipient' }),
    ...(hideNotification ? [] : [intl.formatMessage({ id: 'admin.deliveries.col.notification' })]),
    intl.formatMessage({ id: 'admin.col.status' }),
    { label: intl.formatMessage({ id: 'admin.deliveries.col.attempts' }), numeric: true },
    intl.formatMessage({ id: 'admin.deliveries.col.lastError' }),
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
            <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.time' })} className="data-table__primary delivery-row__time">
              <button
                type="button"
                className="disclosure"
                aria-expanded={expanded}
                aria-controls={expanded ? timelineId : undefined}
                onClick={() => toggle(delivery.id)}
              >
                <ChevronRight size={15} className="disclosure__icon" aria-hidden />
                <span className="sr-only">
                  <FormattedMessage id="admin.deliveries.toggleAttempts" values={{ expanded: expanded ? 'yes' : 'no' }} />{' '}
                </span>
                <RelativeTime iso={delivery.createdAt} now={now} />
              </button>
            </td>
            <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.channel' })}>
              <span className="chip">
                <FormattedMessage id={CHANNEL_NAMES[delivery.channel]} />
              </span>
            </td>
            <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.recipient' })} className="delivery-row__recipient">
              <RecipientCell delivery={delivery} />
            </td>
            {!hideNotification && (
              <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.notification' })} className="delivery-row__title">
                {delivery.notificationTitle}
              </td>
            )}
            <td data-label={intl.formatMessage({ id: 'admin.col.status' })}>
              <DeliveryStatusBadge status={delivery.status} />
            </td>
            <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.attempts' })} className="num">
              {intl.formatNumber(delivery.attempts)}
            </td>
            <td data-label={intl.formatMessage({ id: 'admin.deliveries.col.lastError' })} className="delivery-row__error">
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
  const intl = useIntl();
  const { address, person, missing } = deliveryRecipient(intl, delivery);
  return (
    <span className="stacked">
      <span className={missing ? 'muted' : undefined}>{address}</span>
      {person && <span className="data-table__sub">{person}</span>}
    </span>
  );
}
