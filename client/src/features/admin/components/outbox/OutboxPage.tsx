import { Info, Inbox } from 'lucide-react';
import { useNow } from '../../../../hooks/useNow';
import { useOutboxMessages, type OutboxChannel } from '../../api/outbox/getOutboxMessages';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { CHANNEL_LABELS } from '../../utils/format';
import { FilterSelect } from '../common/FilterSelect';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { OutboxMessageCard } from './OutboxMessageCard';
import './outbox.css';

const CHANNELS: readonly OutboxChannel[] = ['email', 'sms'];

/** `/admin/outbox`: email and SMS captured instead of sent while no provider is configured, newest first. */
export function OutboxPage() {
  const [params, setFilters] = useSearchParamFilters();
  const raw = params.get('channel');
  const channel = CHANNELS.find((value) => value === raw);
  const query = useOutboxMessages(channel);
  const now = useNow(30_000);

  return (
    <div className="admin-page admin-page--wide outbox-page">
      <PageHeader title="Dev outbox" subtitle="Email and SMS this server would have sent, newest first." />
      <div className="alert alert--info outbox-note" role="note">
        <Info size={16} aria-hidden />
        <p>
          No email or SMS provider is configured, so messages land here instead of reaching anyone. Set <code>SMTP_URL</code> (and{' '}
          <code>EMAIL_FROM</code>) to send email for real, and <code>TWILIO_ACCOUNT_SID</code>, <code>TWILIO_AUTH_TOKEN</code> and{' '}
          <code>TWILIO_FROM</code> or <code>TWILIO_MESSAGING_SERVICE_SID</code> for SMS; the README has the details. Push always goes
          to the browsers’ push services.
        </p>
      </div>
      <div className="toolbar">
        <FilterSelect
          id="outbox-channel"
          label="Channel"
          allLabel="Email and SMS"
          value={channel}
          options={CHANNELS}
          optionLabel={(value) => CHANNEL_LABELS[value]}
          onChange={(next) => setFilters({ channel: next })}
        />
      </div>
      <PagedQueryView
        query={query}
        loadingLabel="Loading the outbox"
        errorTitle="Couldn’t load the outbox"
        empty={
          <section className="card card--flush">
            <EmptyState Icon={Inbox} title={channel === 'sms' ? 'No SMS captured' : channel === 'email' ? 'No email captured' : 'The outbox is empty'}>
              Send a critical notification to someone with an email address or phone number, and what they would receive shows up here.
            </EmptyState>
          </section>
        }
      >
        {(items) => (
          <section className="outbox-list" aria-label="Captured messages">
            {items.map((message) => (
              <OutboxMessageCard key={message.id} message={message} now={now} />
            ))}
          </section>
        )}
      </PagedQueryView>
    </div>
  );
}
