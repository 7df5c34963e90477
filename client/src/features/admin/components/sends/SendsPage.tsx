import { Send as SendIcon } from 'lucide-react';
import { Link } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { SEND_STATUSES, type SendStatus } from '@shared/types';
import { useNow } from '../../../../hooks/useNow';
import { useAdminCategoryLabel } from '../../api/getAdminCategories';
import { useSends } from '../../api/getSends';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { formatCount } from '../../utils/format';
import { DataTable } from '../common/DataTable';
import { FilterSelect } from '../common/FilterSelect';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { ReadRate } from '../common/ReadRate';
import { SenderLabel } from '../common/SenderLabel';
import { SendStatusBadge, sendStatusLabel } from '../common/SendStatusBadge';
import { FullTime, RelativeTime } from '../common/TimeCell';

function isSendStatus(value: string | null): value is SendStatus {
  return SEND_STATUSES.includes(value as SendStatus);
}

/** `/admin/sends`: every send, from admins and API keys, newest first. */
export function SendsPage() {
  const [params, setFilters] = useSearchParamFilters();
  const raw = params.get('status');
  const status = isSendStatus(raw) ? raw : undefined;
  const query = useSends({ status });
  const now = useNow(30_000);
  const labelOf = useAdminCategoryLabel();

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
        <FilterSelect
          id="sends-status"
          label="Status"
          allLabel="All statuses"
          value={status}
          options={SEND_STATUSES}
          optionLabel={sendStatusLabel}
          onChange={(next) => setFilters({ status: next })}
        />
      </div>
      <section className="card card--flush" aria-label="Sends">
        <PagedQueryView
          query={query}
          loadingLabel="Loading sends"
          errorTitle="Couldn’t load the sent history"
          empty={
            <EmptyState Icon={SendIcon} title={status ? `No ${sendStatusLabel(status).toLowerCase()} sends` : 'Nothing sent yet'}>
              {status ? 'Try another status.' : 'Notifications you compose, or services send with an API key, show up here.'}
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable
              testId="sends-table"
              columns={['Notification', 'Sender', 'When', { label: 'Recipients', numeric: true }, 'Read rate', 'Status']}
            >
              {items.map((send) => (
                <SendRow key={send.id} send={send} now={now} categoryLabel={labelOf(send.category)} />
              ))}
            </DataTable>
          )}
        </PagedQueryView>
      </section>
    </div>
  );
}

function SendRow({ send, now, categoryLabel }: { send: SendDto; now: number; categoryLabel: string }) {
  const scheduled = send.status === 'scheduled' && send.scheduledAt;
  return (
    <tr data-testid="send-row" data-id={send.id}>
      <td data-label="Notification" className="data-table__primary">
        <Link to={`/admin/sends/${encodeURIComponent(send.id)}`} className="row-link">
          {send.title}
        </Link>
        <span className="data-table__sub">{categoryLabel}</span>
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
