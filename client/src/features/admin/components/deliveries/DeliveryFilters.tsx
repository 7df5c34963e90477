import { ChevronDown } from 'lucide-react';
import { DELIVERY_STATUSES, EXTERNAL_CHANNEL_NAMES } from '@shared/schemas/delivery';
import type { DeliveryFilters as Filters } from '../../api/deliveries/keys';
import { CHANNEL_LABELS } from '../../utils/format';
import { DELIVERY_STATUS_LABELS } from './deliveryLabels';

interface DeliveryFiltersProps {
  filters: Filters;
  onChange: (name: 'channel' | 'status', value: string) => void;
}

/** The Channel and Status selects over the deliveries table. */
export function DeliveryFilters({ filters, onChange }: DeliveryFiltersProps) {
  return (
    <>
      <div className="select-field">
        <label htmlFor="deliveries-channel" className="select-field__label">
          Channel
        </label>
        <div className="select-control">
          <select id="deliveries-channel" value={filters.channel ?? ''} onChange={(event) => onChange('channel', event.target.value)}>
            <option value="">All channels</option>
            {EXTERNAL_CHANNEL_NAMES.map((value) => (
              <option key={value} value={value}>
                {CHANNEL_LABELS[value]}
              </option>
            ))}
          </select>
          <ChevronDown size={14} className="select-control__chevron" aria-hidden />
        </div>
      </div>
      <div className="select-field">
        <label htmlFor="deliveries-status" className="select-field__label">
          Status
        </label>
        <div className="select-control">
          <select id="deliveries-status" value={filters.status ?? ''} onChange={(event) => onChange('status', event.target.value)}>
            <option value="">All statuses</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {DELIVERY_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
          <ChevronDown size={14} className="select-control__chevron" aria-hidden />
        </div>
      </div>
    </>
  );
}
