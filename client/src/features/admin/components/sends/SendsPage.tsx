import { ChevronDown, Send as SendIcon } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { SEND_STATUSES, type SendStatus } from '@shared/types';
import { useNow } from '../../../../hooks/useNow';
import { useSends } from '../../api/getSends';
import { formatCount } from '../../utils/format';
import { pageItems } from '../../utils/pages';
import { DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState, LoadMore } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { ReadRate } from '../common/ReadRate';
import { SenderLabel } from '../common/SenderLabel';
import { SendStatusBadge, sendStatusLabel } from '../common/SendStatusBadge';
import { FullTime, RelativeTime } from '../common/TimeCell';

function isSendStatus(value: string | null): value is SendStatus {
  return SEND_STATUSES.includes(value as SendStatus);
}

/** `/admin/sends`: every send, from admins and API keys, newest first. */
export function SendsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isSendStatus(raw) ? raw : undefined;
  const query = useSends({ status });
  const now = useNow(30_000);
  const items = pageItems(query.data);

  const setStatus = (next: string) =>
    setParams(
      (previous) => {
        const copy = new URLSearchParams(previous);
        if (next) copy.set('status', next);
        else copy.delete('status');
        return copy;
      },
      { replace: true },
    );

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title="Sent"
        subtitle="Every notification sent from here or through the API, newest first."
        actions={
          <Link to="/admin/compose" className="btn btn--primary">
            <SendIcon size={15} aria-hidden />
            Compose
          </Link>
        }
      />
      <div className="toolbar">
        <div className="select-field">
          <label htmlFor="sends-status" className="select-field__label">
            Status
          </label>
          <div className="select-control">
            <select id="sends-status" value={status ?? ''} onChange={(event) => setStatus(event.target.value)}>
              <option value="">All statuses</option>
              {SEND_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {sendStatusLabel(value)}
                </option>
              ))}
            </select>
            <ChevronDown size={14} className="select-control__chevron" aria-hidden />
          </div>
        </div>
      </div>
      <section className="card card--flush" aria-label="Sends">
        <QueryView
          query={query}
          loadingLabel="Loading sends"
          errorTitle="Couldn’t load the sent history"
          isEmpty={() => items.length === 0}
          empty={
            <EmptyState Icon={SendIcon} title={status ? `No ${sendStatusLabel(status).toLowerCase()} sends` : 'Nothing sent yet'}>
              {status ? 'Try another status.' : 'Notifications you compose, or services send with an API key, show up here.'}
            </EmptyState>
          }
        >
          {() => (
            <DataTable
              testId="sends-table"
              columns={['Notification', 'Sender', 'When', { label: 'Recipients', numeric: true }, 'Read rate', 'Status']}
            >
              {items.map((send) => (
                <SendRow key={send.id} send={send} now={now} />
              ))}
            </DataTable>
          )}
        </QueryView>
        <LoadMore query={query} />
      </section>
    </div>
  );
}

function SendRow({ send, now }: { send: SendDto; now: number }) {
  const scheduled = send.status === 'scheduled' && send.scheduledAt;
  return (
    <tr data-testid="send-row" data-id={send.id}>
      <td data-label="Notification" className="data-table__primary">
        <Link to={`/admin/sends/${encodeURIComponent(send.id)}`} className="row-link">
          {send.title}
        </Link>
        <span className="data-table__sub">{send.category}</span>
      </td>
      <td data-label="Sender">
        <SenderLabel sender={send.sender} />
      </td>
      <td data-label="When">
        {scheduled ? (
          <span className="stacked">
            <span className="data-table__sub">Scheduled for</span>
            <FullTime iso={send.scheduledAt} />
          </span>
        ) : (
          <RelativeTime iso={send.sentAt ?? send.createdAt} now={now} />
        )}
      </td>
      <td data-label="Recipients" className="num">
        {formatCount(send.recipientCount)}
      </td>
      <td data-label="Read rate">
        {send.status === 'sent' || send.status === 'processing' ? (
          <ReadRate readCount={send.readCount} recipientCount={send.recipientCount} />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label="Status">
        <SendStatusBadge status={send.status} />
      </td>
    </tr>
  );
}
