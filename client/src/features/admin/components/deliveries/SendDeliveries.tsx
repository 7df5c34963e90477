import { Activity } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { useDeliveries } from '../../api/deliveries/getDeliveries';
import { pageItems } from '../../utils/pages';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { DeliveriesTable } from './DeliveriesTable';

/** The "Deliveries" section of a send's page: its email, SMS and push deliveries with their timelines. */
export function SendDeliveries({ send }: { send: SendDto }) {
  const intl = useIntl();
  const query = useDeliveries({ sendId: send.id });
  const items = pageItems(query.data);
  return (
    <section className="card card--flush send-deliveries" aria-labelledby="send-deliveries-title" data-testid="send-deliveries">
      <div className="card__title card__title--padded send-deliveries__head">
        <h2 id="send-deliveries-title" className="send-deliveries__title">
          <FormattedMessage id="admin.deliveries.title" />
        </h2>
        <Link to="/admin/deliveries" className="send-deliveries__all">
          <FormattedMessage id="admin.deliveries.all" />
        </Link>
      </div>
      <QueryView
        query={query}
        loadingLabel={intl.formatMessage({ id: 'admin.deliveries.loading' })}
        skeletonRows={2}
        errorTitle={intl.formatMessage({ id: 'admin.deliveries.loadFailed' })}
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState Icon={Activity} title={intl.formatMessage({ id: 'admin.deliveries.send.empty.title' })}>
            <FormattedMessage id="admin.deliveries.send.empty.text" />
          </EmptyState>
        }
      >
        {() => <DeliveriesTable deliveries={items} testId="send-deliveries-table" hideNotification />}
      </QueryView>
      <LoadMore query={query} />
    </section>
  );
}
