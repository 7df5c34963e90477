import { Send as SendIcon } from 'lucide-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Link } from 'react-router';
import type { SendDto } from '@shared/schemas/sends';
import { SEND_STATUSES, type SendStatus } from '@shared/types';
import { useNow } from '../../../../hooks/useNow';
import { useAdminCategoryLabel } from '../../api/getAdminCategories';
import { useSends } from '../../api/getSends';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
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
  const intl = useIntl();
  const [params, setFilters] = useSearchParamFilters();
  const raw = params.get('status');
  const status = isSendStatus(raw) ? raw : undefined;
  const query = useSends({ status });
  const now = useNow(30_000);
  const labelOf = useAdminCategoryLabel();
  const column = sendColumns(intl);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.nav.sends' })}
        subtitle={intl.formatMessage({ id: 'admin.sends.subtitle' })}
        actions={
          <Link to="/admin/compose" className="btn btn--primary">
            <SendIcon size={15} aria-hidden />
            <FormattedMessage id="admin.nav.compose" />
          </Link>
        }
      />
      <div className="toolbar">
        <FilterSelect
          id="sends-status"
          label={intl.formatMessage({ id: 'admin.col.status' })}
          allLabel={intl.formatMessage({ id: 'admin.sends.allStatuses' })}
          value={status}
          options={SEND_STATUSES}
          optionLabel={(option) => sendStatusLabel(intl, option)}
          onChange={(next) => setFilters({ status: next })}
        />
      </div>
      <section className="card card--flush" aria-label={intl.formatMessage({ id: 'admin.sends.label' })}>
        <PagedQueryView
          query={query}
          loadingLabel={intl.formatMessage({ id: 'admin.sends.loading' })}
          errorTitle={intl.formatMessage({ id: 'admin.sends.loadFailed' })}
          empty={
            <EmptyState
              Icon={SendIcon}
              title={status ? intl.formatMessage({ id: 'admin.sends.emptyStatus.title' }, { status }) : intl.formatMessage({ id: 'admin.sends.empty.title' })}
            >
              <FormattedMessage id={status ? 'admin.sends.emptyStatus.text' : 'admin.sends.empty.text'} />
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable
              testId="sends-table"
              columns={[column.notification, column.sender, column.when, { label: column.recipients, numeric: true }, column.readRate, column.status]}
            >
              {items.map((send) => (
                <SendRow key={send.id} send={send} now={now} categoryLabel={labelOf(send.category)} column={column} />
              ))}
            </DataTable>
          )}
        </PagedQueryView>
      </section>
    </div>
  );
}

/** The table's column headings, also each cell's label in the narrow layout. */
function sendColumns(intl: IntlShape) {
  return {
    notification: intl.formatMessage({ id: 'admin.sends.col.notification' }),
    sender: intl.formatMessage({ id: 'admin.sends.col.sender' }),
    when: intl.formatMessage({ id: 'admin.sends.col.when' }),
    recipients: intl.formatMessage({ id: 'admin.compose.recipients' }),
    readRate: intl.formatMessage({ id: 'admin.send.readRate' }),
    status: intl.formatMessage({ id: 'admin.col.status' }),
  };
}

interface SendRowProps {
  send: SendDto;
  now: number;
  categoryLabel: string;
  column: ReturnType<typeof sendColumns>;
}

function SendRow({ send, now, categoryLabel, column }: SendRowProps) {
  const intl = useIntl();
  const scheduled = send.status === 'scheduled' && send.scheduledAt;
  return (
    <tr data-testid="send-row" data-id={send.id}>
      <td data-label={column.notification} className="data-table__primary">
        <Link to={`/admin/sends/${encodeURIComponent(send.id)}`} className="row-link">
          {send.title}
        </Link>
        <span className="data-table__sub">{categoryLabel}</span>
      </td>
      <td data-label={column.sender}>
        <SenderLabel sender={send.sender} />
      </td>
      <td data-label={column.when}>
        {scheduled ? (
          <span className="stacked">
            <span className="data-table__sub">
              <FormattedMessage id="admin.send.scheduledFor" />
            </span>
            <FullTime iso={send.scheduledAt} />
          </span>
        ) : (
          <RelativeTime iso={send.sentAt ?? send.createdAt} now={now} />
        )}
      </td>
      <td data-label={column.recipients} className="num">
        {intl.formatNumber(send.recipientCount)}
      </td>
      <td data-label={column.readRate}>
        {send.status === 'sent' || send.status === 'processing' ? (
          <ReadRate readCount={send.readCount} recipientCount={send.recipientCount} />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label={column.status}>
        <SendStatusBadge status={send.status} />
      </td>
    </tr>
  );
}
