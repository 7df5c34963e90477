import { DELIVERY_STATUSES, EXTERNAL_CHANNEL_NAMES } from '@shared/schemas/delivery';
import type { DeliveryFilters as Filters } from '../../api/deliveries/keys';
import { CHANNEL_LABELS } from '../../utils/format';
import { FilterSelect } from '../common/FilterSelect';
import { DELIVERY_STATUS_LABELS } from './deliveryLabels';

interface DeliveryFiltersProps {
  filters: Filters;
  onChange: (name: 'channel' | 'status', value: string) => void;
}

/** The Channel and Status selects over the deliveries table. */
export function DeliveryFilters({ filters, onChange }: DeliveryFiltersProps) {
  return (
    <>
      <FilterSelect
        id="deliveries-channel"
        label="Channel"
        allLabel="All channels"
        value={filters.channel}
        options={EXTERNAL_CHANNEL_NAMES}
        optionLabel={(value) => CHANNEL_LABELS[value]}
        onChange={(value) => onChange('channel', value)}
      />
      <FilterSelect
        id="deliveries-status"
        label="Status"
        allLabel="All statuses"
        value={filters.status}
        options={DELIVERY_STATUSES}
        optionLabel={(value) => DELIVERY_STATUS_LABELS[value]}
        onChange={(value) => onChange('status', value)}
      />
    </>
  );
}
