import { useIntl } from 'react-intl';
import { DELIVERY_STATUSES, EXTERNAL_CHANNEL_NAMES } from '@shared/schemas/delivery';
import type { DeliveryFilters as Filters } from '../../api/deliveries/keys';
import { CHANNEL_NAMES } from '../../../preferences';
import { FilterSelect } from '../common/FilterSelect';
import { DELIVERY_STATUS_LABELS } from './deliveryLabels';

interface DeliveryFiltersProps {
  filters: Filters;
  onChange: (name: 'channel' | 'status', value: string) => void;
}

/** The Channel and Status selects over the deliveries table. */
export function DeliveryFilters({ filters, onChange }: DeliveryFiltersProps) {
  const intl = useIntl();
  return (
    <>
      <FilterSelect
        id="deliveries-channel"
        label={intl.formatMessage({ id: 'admin.deliveries.col.channel' })}
        allLabel={intl.formatMessage({ id: 'admin.deliveries.allChannels' })}
        value={filters.channel}
        options={EXTERNAL_CHANNEL_NAMES}
        optionLabel={(value) => intl.formatMessage({ id: CHANNEL_NAMES[value] })}
        onChange={(value) => onChange('channel', value)}
      />
      <FilterSelect
        id="deliveries-status"
        label={intl.formatMessage({ id: 'admin.col.status' })}
        allLabel={intl.formatMessage({ id: 'admin.deliveries.allStatuses' })}
        value={filters.status}
        options={DELIVERY_STATUSES}
        optionLabel={(value) => intl.formatMessage({ id: DELIVERY_STATUS_LABELS[value] })}
        onChange={(value) => onChange('status', value)}
      />
    </>
  );
}
