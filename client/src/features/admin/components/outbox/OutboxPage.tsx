import { ChevronDown, Info, Inbox } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { useNow } from '../../../../hooks/useNow';
import { useOutboxMessages, type OutboxChannel } from '../../api/outbox/getOutboxMessages';
import { pageItems } from '../../utils/pages';
import { PageHeader } from '../common/PageHeader';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { OutboxMessageCard } from './OutboxMessageCard';
import './outbox.css';

const CHANNEL_OPTIONS: { value: OutboxChannel; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
];

/** `/admin/outbox`: email and SMS captured instead of sent while no provider is configured, newest first. */
export function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('channel');
  const channel = CHANNEL_OPTIONS.find((option) => option.value === raw)?.value;
  const query = useOutboxMessages(channel);
  const items = pageItems(query.data);
  const now = useNow(30_000);

  const setChannel = (next: string) =>
    setParams(
      (previous) => {
        const copy = new URLSearchParams(previous);
        if (next) copy.set('channel', next);
        else copy.delete('channel');
        return copy;
      },
      { replace: true },
    );

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
        <div className="select-field">
          <label htmlFor="outbox-channel" className="select-field__label">
            Channel
          </label>
          <div className="select-control">
            <select id="outbox-channel" value={channel ?? ''} onChange={(event) => setChannel(event.target.value)}>
              <option value="">Email and SMS</option>
              {CHANNEL_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <ChevronDown size={14} className="select-control__chevron" aria-hidden />
          </div>
        </div>
      </div>
      <QueryView
        query={query}
        loadingLabel="Loading the outbox"
        errorTitle="Couldn’t load the outbox"
        isEmpty={() => items.length === 0}
        empty={
          <section className="card card--flush">
            <EmptyState Icon={Inbox} title={channel === 'sms' ? 'No SMS captured' : channel === 'email' ? 'No email captured' : 'The outbox is empty'}>
              Send a critical notification to someone with an email address or phone number, and what they would receive shows up here.
            </EmptyState>
          </section>
        }
      >
        {() => (
          <section className="outbox-list" aria-label="Captured messages">
            {items.map((message) => (
              <OutboxMessageCard key={message.id} message={message} now={now} />
            ))}
          </section>
        )}
      </QueryView>
      <LoadMore query={query} />
    </div>
  );
}
