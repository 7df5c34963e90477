import { FormattedMessage, useIntl } from 'react-intl';
import type { AuditEventDto } from '@shared/schemas/audit';
import { DataTable } from '../common/DataTable';
import { FullTime } from '../common/TimeCell';
import { auditDetailLines } from '../../utils/auditDetails';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_LABELS, AUDIT_TARGET_LABELS, labelOf } from './auditLabels';

interface AuditEventsTableProps {
  events: AuditEventDto[];
  /** Narrows the log to one actor or one target (the row's buttons). */
  onOnlyActor: (actor: AuditEventDto['actor']) => void;
  onOnlyTarget: (target: NonNullable<AuditEventDto['target']>) => void;
}

/** The audit log's rows: when, who, what, on what, from where, and the recorded values. */
export function AuditEventsTable({ events, onOnlyActor, onOnlyTarget }: AuditEventsTableProps) {
  const intl = useIntl();
  const col = {
    when: intl.formatMessage({ id: 'admin.audit.col.when' }),
    actor: intl.formatMessage({ id: 'admin.audit.col.actor' }),
    action: intl.formatMessage({ id: 'admin.audit.col.action' }),
    target: intl.formatMessage({ id: 'admin.audit.col.target' }),
    from: intl.formatMessage({ id: 'admin.audit.col.from' }),
    details: intl.formatMessage({ id: 'admin.audit.col.details' }),
  };
  return (
    <DataTable testId="audit-table" columns={Object.values(col)}>
      {events.map((event) => {
        const actorLabel = event.actor.label || intl.formatMessage({ id: 'admin.audit.withheld' });
        const actorType = labelOf(AUDIT_ACTOR_LABELS, event.actor.type);
        const action = labelOf(AUDIT_ACTION_LABELS, event.action);
        const targetType = event.target && labelOf(AUDIT_TARGET_LABELS, event.target.type);
        return (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <td data-label={col.when} className="nowrap">
              <FullTime iso={event.at} />
            </td>
            <td data-label={col.actor}>
              {event.actor.id ? (
                <button
                  type="button"
                  className="link-button"
                  title={intl.formatMessage({ id: 'admin.audit.onlyActor' }, { label: actorLabel })}
                  onClick={() => onOnlyActor(event.actor)}
                >
                  {actorLabel}
                </button>
              ) : (
                actorLabel
              )}
              {actorType && (
                <span className="chip audit-chip">
                  <FormattedMessage id={actorType} />
                </span>
              )}
            </td>
            {/* The action's name; its code (what the API's `action` filter takes) only on hover, or for an action this client does not know. */}
            <td data-label={col.action} className="data-table__primary" title={event.action}>
              {action ? <FormattedMessage id={action} /> : <code className="audit-code">{event.action}</code>}
            </td>
            <td data-label={col.target}>
              {event.target ? (
                <button
                  type="button"
                  className="link-button"
                  title={intl.formatMessage({ id: 'admin.audit.onlyTarget' }, { target: event.target.id })}
                  onClick={() => event.target && onOnlyTarget(event.target)}
                >
                  {targetType ? intl.formatMessage({ id: targetType }) : event.target.type} <code>{event.target.id}</code>
                </button>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td data-label={col.from} title={event.userAgent ?? undefined}>
              {event.ip ? <code>{event.ip}</code> : <span className="muted">—</span>}
            </td>
            <td data-label={col.details}>
              <ul className="audit-details">
                {auditDetailLines(intl, event).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
