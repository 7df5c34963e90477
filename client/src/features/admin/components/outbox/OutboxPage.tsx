import { Info, Inbox } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNow } from '../../../../hooks/useNow';
import { OUTBOX_CHANNELS } from '@shared/schemas/delivery';
import { useOutboxMessages } from '../../api/outbox/getOutboxMessages';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { CHANNEL_NAMES } from '../../../preferences';
import { FilterSelect } from '../common/FilterSelect';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { OutboxMessageCard } from './OutboxMessageCard';
import './outbox.css';

/** `/admin/outbox`: email, SMS and Slack messages captured instead of sent while no provider is configured, newest first. */
export function OutboxPage() {
  const intl = useIntl();
  const [params, setFilters] = useSearchParamFilters();
  const raw = params.get('channel');
  const channel = OUTBOX_CHANNELS.find((value) => value === raw);
  const query = useOutboxMessages(channel);
  const now = useNow(30_000);

  return (
    <div className="admin-page admin-page--wide outbox-page">
      <PageHeader title={intl.formatMessage({ id: 'admin.nav.outbox' })} subtitle={intl.formatMessage({ id: 'admin.outbox.subtitle' })} />
      <div className="alert alert--info outbox-note" role="note">
        <Info size={16} aria-hidden />
        <p>
          <FormattedMessage id="admin.outbox.note" values={{ code: (chunks) => <code>{chunks}</code> }} />
        </p>
      </div>
      <div className="toolbar">
        <FilterSelect
          id="outbox-channel"
          label={intl.formatMessage({ id: 'admin.deliveries.col.channel' })}
          allLabel={intl.formatMessage({ id: 'admin.outbox.allChannels' })}
          value={channel}
          options={OUTBOX_CHANNELS}
          optionLabel={(value) => intl.formatMessage({ id: CHANNEL_NAMES[value] })}
          onChange={(next) => setFilters({ channel: next })}
        />
      </div>
      <PagedQueryView
        query={query}
        loadingLabel={intl.formatMessage({ id: 'admin.outbox.loading' })}
        errorTitle={intl.formatMessage({ id: 'admin.outbox.loadFailed' })}
        empty={
          <section className="card card--flush">
            <EmptyState Icon={Inbox} title={intl.formatMessage({ id: 'admin.outbox.empty.title' }, { channel: channel ?? 'all' })}>
              <FormattedMessage id="admin.outbox.empty.text" />
            </EmptyState>
          </section>
        }
      >
        {(items) => (
          <section className="outbox-list" aria-label={intl.formatMessage({ id: 'admin.outbox.list' })}>
            {items.map((message) => (
              <OutboxMessageCard key={message.id} message={message} now={now} />
            ))}
          </section>
        )}
      </PagedQueryView>
    </div>
  );
}
