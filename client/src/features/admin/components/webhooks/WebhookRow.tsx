import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookEndpointDto } from '@shared/schemas/webhooks';
import { RelativeTime } from '../common/TimeCell';

interface WebhookRowProps {
  endpoint: WebhookEndpointDto;
  now: number;
  /** This endpoint's log is the one shown below the table. */
  selected: boolean;
  onShowLog: () => void;
  onEdit: () => void;
  onToggle: () => void;
  onRotate: () => void;
  onDelete: () => void;
}

/** One endpoint: URL and description, events, state (off after failures stands out), and its actions. */
export function WebhookRow({ endpoint, now, selected, onShowLog, onEdit, onToggle, onRotate, onDelete }: WebhookRowProps) {
  const intl = useIntl();
  const label = endpoint.description || endpoint.url;
  return (
    <tr className={endpoint.enabled ? undefined : 'is-muted'} data-testid="webhook-row" aria-selected={selected}>
      <td data-label={intl.formatMessage({ id: 'admin.webhooks.col.url' })} className="data-table__primary">
        <code>{endpoint.url}</code>
        {endpoint.description && <div className="muted">{endpoint.description}</div>}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.webhooks.col.events' })}>
        <span className="chips">
          {endpoint.eventTypes.map((type) => (
            <span key={type} className="chip chip--mono">
              {type}
            </span>
          ))}
        </span>
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.status' })} data-testid="webhook-status">
        {endpoint.enabled ? (
          <span className="status-badge status-badge--sent">
            <FormattedMessage id="admin.webhooks.status.on" />
          </span>
        ) : endpoint.disabledReason === 'failures' ? (
          <span className="status-badge status-badge--failed">
            <FormattedMessage id="admin.webhooks.status.failing" values={{ count: endpoint.consecutiveFailures }} />
          </span>
        ) : (
          <span className="status-badge status-badge--revoked">
            <FormattedMessage id="admin.webhooks.status.off" />
          </span>
        )}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.col.created' })}>
        <RelativeTime iso={endpoint.createdAt} now={now} />
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
        <button type="button" className="btn btn--ghost btn--sm" aria-pressed={selected} onClick={onShowLog} aria-label={intl.formatMessage({ id: 'admin.webhooks.action.logLabel' }, { name: label })}>
          <FormattedMessage id="admin.webhooks.action.log" />
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onEdit} aria-label={intl.formatMessage({ id: 'admin.webhooks.action.editLabel' }, { name: label })}>
          <FormattedMessage id="admin.webhooks.action.edit" />
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onToggle} aria-label={intl.formatMessage({ id: endpoint.enabled ? 'admin.webhooks.action.turnOffLabel' : 'admin.webhooks.action.turnOnLabel' }, { name: label })}>
          <FormattedMessage id={endpoint.enabled ? 'admin.webhooks.action.turnOff' : 'admin.webhooks.action.turnOn'} />
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onRotate} aria-label={intl.formatMessage({ id: 'admin.webhooks.action.rotateLabel' }, { name: label })}>
          <FormattedMessage id="admin.webhooks.action.rotate" />
        </button>
        <button type="button" className="btn btn--ghost btn--sm btn--danger-text" onClick={onDelete} aria-label={intl.formatMessage({ id: 'admin.webhooks.action.deleteLabel' }, { name: label })}>
          <FormattedMessage id="admin.webhooks.action.delete" />
        </button>
      </td>
    </tr>
  );
}
