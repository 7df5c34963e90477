import { ScrollText } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookEndpointDto } from '@shared/schemas/webhooks';
import { useWebhookMessages } from '../../api/webhooks/getWebhookMessages';
import { useResendWebhookMessage } from '../../api/webhooks/resendWebhookMessage';
import { ACTIONS_COLUMN, DataTable } from '../common/DataTable';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { RelativeTime } from '../common/TimeCell';
import { WEBHOOK_MESSAGE_BADGES, WEBHOOK_MESSAGE_STATUS_LABELS } from './eventLabels';

const COLUMNS = ['admin.webhooks.log.col.event', 'admin.col.status', 'admin.webhooks.log.col.attempts', 'admin.webhooks.log.col.answer', 'admin.col.created'] as const;

/** One endpoint's delivery log: its newest messages, each with "Resend" unless it is being sent right now. */
export function WebhookLog({ endpoint, now }: { endpoint: WebhookEndpointDto; now: number }) {
  const intl = useIntl();
  const messages = useWebhookMessages(endpoint.id);
  const resend = useResendWebhookMessage();
  return (
    <TableCard titleId="webhook-log-title" title={intl.formatMessage({ id: 'admin.webhooks.log.title' }, { url: endpoint.url })}>
      <QueryView
        query={messages}
        loadingLabel={intl.formatMessage({ id: 'admin.webhooks.log.loading' })}
        skeletonRows={3}
        errorTitle={intl.formatMessage({ id: 'admin.webhooks.log.loadFailed' })}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState Icon={ScrollText} title={intl.formatMessage({ id: 'admin.webhooks.log.empty' })}>
            <FormattedMessage id="admin.webhooks.log.emptyText" />
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable testId="webhook-log-table" columns={[...COLUMNS.map((id) => intl.formatMessage({ id })), ACTIONS_COLUMN]}>
            {data.items.map((message) => (
              <tr key={message.id} data-testid="webhook-log-row">
                <td data-label={intl.formatMessage({ id: 'admin.webhooks.log.col.event' })} className="data-table__primary">
                  <code>{message.eventType}</code>
                  <div className="muted">
                    <code>{message.eventId}</code>
                  </div>
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.col.status' })}>
                  <span className={`status-badge status-badge--${WEBHOOK_MESSAGE_BADGES[message.status]}`}>
                    <FormattedMessage id={WEBHOOK_MESSAGE_STATUS_LABELS[message.status]} />
                  </span>
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.webhooks.log.col.attempts' })}>{intl.formatNumber(message.attempts)}</td>
                <td data-label={intl.formatMessage({ id: 'admin.webhooks.log.col.answer' })}>
                  {message.lastError ?? (message.lastStatusCode === null ? '—' : <code>{message.lastStatusCode}</code>)}
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
                  <RelativeTime iso={message.createdAt} now={now} />
                </td>
                <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
                  {message.status !== 'sending' && (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm"
                      disabled={resend.isPending}
                      onClick={() => resend.mutate({ endpointId: endpoint.id, messageId: message.id, endpointEnabled: endpoint.enabled })}
                    >
                      <FormattedMessage id="admin.webhooks.log.resend" />
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </TableCard>
  );
}
