import { RotateCcw } from 'lucide-react';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { useRetryDelivery } from '../../api/deliveries/retryDelivery';
import { CHANNEL_LABELS } from '../../utils/format';
import { formatDeliveryRecipient } from './deliveryLabels';

/** "Retry" on a failed or dead delivery: back in the queue with a fresh attempt budget. */
export function RetryDeliveryButton({ delivery }: { delivery: DeliveryDto }) {
  const retry = useRetryDelivery();
  return (
    <button
      type="button"
      className="btn btn--secondary btn--sm"
      onClick={() => retry.mutate(delivery.id)}
      disabled={retry.isPending}
      aria-label={`Retry ${CHANNEL_LABELS[delivery.channel]} delivery to ${formatDeliveryRecipient(delivery)}`}
      data-testid="retry-delivery"
    >
      <RotateCcw size={14} aria-hidden className={retry.isPending ? 'spin' : undefined} />
      {retry.isPending ? 'Retrying…' : 'Retry'}
    </button>
  );
}
