import { RotateCcw } from 'lucide-react';
import { useIntl } from 'react-intl';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { useRetryDelivery } from '../../api/deliveries/retryDelivery';
import { CHANNEL_NAMES } from '../../../preferences';
import { formatDeliveryRecipient } from './deliveryLabels';

/** "Retry" on a failed or dead delivery: back in the queue with a fresh attempt budget. */
export function RetryDeliveryButton({ delivery }: { delivery: DeliveryDto }) {
  const intl = useIntl();
  const retry = useRetryDelivery();
  return (
    <button
      type="button"
      className="btn btn--secondary btn--sm"
      onClick={() => retry.mutate(delivery.id)}
      disabled={retry.isPending}
      aria-label={intl.formatMessage(
        { id: 'admin.delivery.retryLabel' },
        { channel: intl.formatMessage({ id: CHANNEL_NAMES[delivery.channel] }), recipient: formatDeliveryRecipient(intl, delivery) },
      )}
      data-testid="retry-delivery"
    >
      <RotateCcw size={14} aria-hidden className={retry.isPending ? 'spin' : undefined} />
      {intl.formatMessage({ id: retry.isPending ? 'admin.delivery.retrying' : 'admin.delivery.retry' })}
    </button>
  );
}
