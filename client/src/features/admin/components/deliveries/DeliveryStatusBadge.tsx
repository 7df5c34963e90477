import clsx from 'clsx';
import type { DeliveryStatus } from '@shared/schemas/delivery';
import { DELIVERY_STATUS_HINTS, DELIVERY_STATUS_LABELS } from './deliveryLabels';

/** A delivery's status as a coloured pill, explained on hover. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <span className={clsx('status-badge', `status-badge--${status}`)} title={DELIVERY_STATUS_HINTS[status]} data-testid="delivery-status">
      {DELIVERY_STATUS_LABELS[status]}
    </span>
  );
}
