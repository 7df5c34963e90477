import { useIntl } from 'react-intl';
import type { DeliveryStatus, ExternalChannelName } from '@shared/schemas/delivery';
import { useChannelStatuses } from '../../api/channels/getChannelStatuses';
import type { DeliveryFilters } from '../../api/deliveries/keys';
import { ErrorState } from '../common/QueryStates';
import { ChannelCard } from './ChannelCard';

interface ChannelCardsProps {
  filters: DeliveryFilters;
  onPick: (channel: ExternalChannelName, status: DeliveryStatus) => void;
}

/** The three channel cards over the deliveries table. */
export function ChannelCards({ filters, onPick }: ChannelCardsProps) {
  const intl = useIntl();
  const query = useChannelStatuses();
  if (query.isError) {
    return <ErrorState title={intl.formatMessage({ id: 'admin.channels.loadFailed' })} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <div className="channel-cards" aria-busy={query.isPending}>
      {query.isPending
        ? [0, 1, 2].map((index) => <div key={index} className="card channel-card channel-card--loading skeleton" aria-hidden />)
        : query.data.map((status) => <ChannelCard key={status.channel} status={status} filters={filters} onPick={onPick} />)}
    </div>
  );
}
