import { Activity, FilterX } from 'lucide-react';
import {
  DELIVERY_STATUSES,
  EXTERNAL_CHANNEL_NAMES,
  type DeliveryStatus,
  type ExternalChannelName,
} from '@shared/schemas/delivery';
import { DELIVERIES_REFRESH_MS, useDeliveries } from '../../api/deliveries/getDeliveries';
import type { DeliveryFilters as Filters } from '../../api/deliveries/keys';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { CHANNEL_LABELS } from '../../utils/format';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { ChannelCards } from './ChannelCards';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryFilters } from './DeliveryFilters';
import { DELIVERY_STATUS_LABELS, formatClock } from './deliveryLabels';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** "dead email deliveries", "deliveries" … for the empty state. */
function describe(filters: Filters): string {
  return [filters.status && DELIVERY_STATUS_LABELS[filters.status].toLowerCase(), filters.channel && CHANNEL_LABELS[filters.channel], 'deliveries']
    .filter(Boolean)
    .join(' ');
}

/**
 * `/admin/deliveries`: per channel its switch, breaker and counts; below, every external delivery with
 * its attempts, filtered by channel and status (kept in the URL). Refreshes every 5 seconds.
 */
export function DeliveriesPage() {
  const [params, setFilters] = useSearchParamFilters();
  const filters: Filters = {
    channel: oneOf(EXTERNAL_CHANNEL_NAMES, params.get('channel')),
    status: oneOf(DELIVERY_STATUSES, params.get('status')),
  };
  const query = useDeliveries(filters);
  const filtered = Boolean(filters.channel || filters.status);

  const pick = (channel: ExternalChannelName, status: DeliveryStatus) => {
    setFilters({ channel, status });
    document.getElementById('deliveries-list')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title="Deliveries"
        subtitle={`Email, SMS and push on their way out of the app. Refreshes every ${DELIVERIES_REFRESH_MS / 1000} seconds.`}
      />
      <ChannelCards filters={filters} onPick={pick} />
      <div className="toolbar" id="deliveries-list">
        <DeliveryFilters filters={filters} onChange={(name, value) => setFilters({ [name]: value })} />
        {filtered && (
          <button type="button" className="btn btn--ghost" onClick={() => setFilters({ channel: '', status: '' })}>
            <FilterX size={15} aria-hidden />
            Clear filters
          </button>
        )}
        {query.dataUpdatedAt > 0 && (
          <p className="toolbar__note muted" aria-live="off">
            Updated {formatClock(new Date(query.dataUpdatedAt).toISOString())}
          </p>
        )}
      </div>
      <section className="card card--flush" aria-label="Deliveries">
        <PagedQueryView
          query={query}
          loadingLabel="Loading deliveries"
          errorTitle="Couldn’t load the deliveries"
          empty={
            <EmptyState Icon={Activity} title={`No ${describe(filters)}`}>
              {filtered
                ? 'Try another channel or status.'
                : 'Critical notifications, and categories that default to email, SMS or push, create deliveries here.'}
            </EmptyState>
          }
        >
          {(items) => <DeliveriesTable deliveries={items} />}
        </PagedQueryView>
      </section>
    </div>
  );
}
