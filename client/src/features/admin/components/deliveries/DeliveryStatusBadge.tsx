import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import type { DeliveryStatus } from '@shared/schemas/delivery';
import { DELIVERY_STATUS_HINTS, DELIVERY_STATUS_LABELS } from './deliveryLabels';

/** A delivery's status as a coloured pill, explained on hover. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const intl = useIntl();
  return (
    <span className={clsx('status-badge', `status-badge--${status}`)} title={intl.formatMessage({ id: DELIVERY_STATUS_HINTS[status] })} data-testid="delivery-status">
      <FormattedMessage id={DELIVERY_STATUS_LABELS[status]} />
    </span>
  );
}
