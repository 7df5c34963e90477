import { Activity, FilterX } from 'lucide-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import {
  DELIVERY_STATUSES,
  EXTERNAL_CHANNEL_NAMES,
  type DeliveryStatus,
  type ExternalChannelName,
} from '@shared/schemas/delivery';
import { DELIVERIES_REFRESH_MS, useDeliveries } from '../../api/deliveries/getDeliveries';
import type { DeliveryFilters as Filters } from '../../api/deliveries/keys';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { CHANNEL_NAMES } from '../../../preferences';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { ChannelCards } from './ChannelCards';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryFilters } from './DeliveryFilters';
import { DELIVERY_STATUS_LABELS, formatClock } from './deliveryLabels';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** "No dead email deliveries", "No deliveries" … for the empty state. */
function describe(intl: IntlShape, filters: Filters): string {
  return intl.formatMessage(
    { id: 'admin.deliveries.none' },
    {
      status: filters.status ? intl.formatMessage({ id: DELIVERY_STATUS_LABELS[filters.status] }).toLocaleLowerCase(intl.locale) : '',
      channel: filters.channel ? intl.formatMessage({ id: CHANNEL_NAMES[filters.channel] }) : '',
    },
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `/admin/deliveries`: per channel its switch, breaker and counts; below, every external delivery with
 * its attempts, filtered by channel and status (kept in the URL). Refreshes every 5 seconds.
 */
export function DeliveriesPage() {
  const intl = useIntl();
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
        title={intl.formatMessage({ id: 'admin.deliveries.title' })}
        subtitle={intl.formatMessage({ id: 'admin.deliveries.subtitle' }, { seconds: DELIVERIES_REFRESH_MS / 1000 })}
      />
      <ChannelCards filters={filters} onPick={pick} />
      <div className="toolbar" id="deliveries-list">
        <DeliveryFilters filters={filters} onChange={(name, value) => setFilters({ [name]: value })} />
        {filtered && (
          <button type="button" className="btn btn--ghost" onClick={() => setFilters({ channel: '', status: '' })}>
            <FilterX size={15} aria-hidden />
            <FormattedMessage id="admin.deliveries.clearFilters" />
          </button>
        )}
        {query.dataUpdatedAt > 0 && (
          <p className="toolbar__note muted" aria-live="off">
            <FormattedMessage id="admin.deliveries.updated" values={{ time: formatClock(intl, new Date(query.dataUpdatedAt).toISOString()) }} />
          </p>
        )}
      </div>
      <section className="card card--flush" aria-label={intl.formatMessage({ id: 'admin.deliveries.title' })}>
        <PagedQueryView
          query={query}
          loadingLabel={intl.formatMessage({ id: 'admin.deliveries.loading' })}
          errorTitle={intl.formatMessage({ id: 'admin.deliveries.loadFailed' })}
          empty={
            <EmptyState Icon={Activity} title={describe(intl, filters)}>
              <FormattedMessage id={filtered ? 'admin.deliveries.noMatch' : 'admin.deliveries.empty'} />
            </EmptyState>
          }
        >
          {(items) => <DeliveriesTable deliveries={items} />}
        </PagedQueryView>
      </section>
    </div>
  );
}
