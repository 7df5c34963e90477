import { Activity } from 'lucide-react';
import { Link } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { useDeliveries } from '../../api/deliveries/getDeliveries';
import { pageItems } from '../../utils/pages';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { DeliveriesTable } from './DeliveriesTable';

/** The "Deliveries" section of a send's page: its email, SMS and push deliveries with their timelines. */
export function SendDeliveries({ send }: { send: SendDto }) {
  const query = useDeliveries({ sendId: send.id });
  const items = pageItems(query.data);
  return (
    <section className="card card--flush send-deliveries" aria-labelledby="send-deliveries-title" data-testid="send-deliveries">
      <div className="card__title card__title--padded send-deliveries__head">
        <h2 id="send-deliveries-title" className="send-deliveries__title">
          Deliveries
        </h2>
        <Link to="/admin/deliveries" className="send-deliveries__all">
          All deliveries
        </Link>
      </div>
      <QueryView
        query={query}
        loadingLabel="Loading deliveries"
        skeletonRows={2}
        errorTitle="Couldn’t load the deliveries"
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState Icon={Activity} title="No email, SMS or push">
            This send reached the inbox only: its category, priority and channels asked for nothing else.
          </EmptyState>
        }
      >
        {() => <DeliveriesTable deliveries={items} testId="send-deliveries-table" hideNotification />}
      </QueryView>
      <LoadMore query={query} />
    </section>
  );
}
