import type { IntlShape } from 'react-intl';
import type { AuditEventDto } from '@shared/schemas/audit';
import type { MessageId } from '../../../i18n/messageIds';

/**
 * The message id naming each field the server records in an event's before/after (server/services/**:
 * appendAuditEvent's callers), so "recipientCount : 2" reads « Destinataires : 2 » in French. A field not
 * listed (a newer server's) is shown by its key.
 */
const AUDIT_FIELD_LABELS: Readonly<Record<string, MessageId>> = {
  role: 'admin.audit.field.role',
  linked: 'admin.audit.field.linked',
  status: 'admin.audit.field.status',
  enabled: 'admin.audit.field.enabled',
  userIds: 'admin.audit.field.userIds',
  name: 'admin.audit.field.name',
  prefix: 'admin.audit.field.prefix',
  scopes: 'admin.audit.field.scopes',
  fields: 'admin.audit.field.fields',
  successorId: 'admin.audit.field.successorId',
  expiresAt: 'admin.audit.field.expiresAt',
  recipientCount: 'admin.audit.field.recipientCount',
  // A category's (created: every field; updated: the changed ones).
  key: 'admin.audit.field.key',
  label: 'admin.audit.field.label',
  description: 'admin.audit.field.description',
  critical: 'admin.audit.field.critical',
  defaultChannels: 'admin.audit.field.defaultChannels',
  escalation: 'admin.audit.field.escalation',
  icon: 'admin.audit.field.icon',
  retentionDays: 'admin.audit.field.retentionDays',
  // What erasing a user removed (user.erased).
  notifications: 'admin.audit.field.notifications',
  deliveries: 'admin.audit.field.deliveries',
  deliveryAttempts: 'admin.audit.field.deliveryAttempts',
  devices: 'admin.audit.field.devices',
  sessions: 'admin.audit.field.sessions',
  preferences: 'admin.audit.field.preferences',
  topicSubscriptions: 'admin.audit.field.topicSubscriptions',
  invitations: 'admin.audit.field.invitations',
  outboxMessages: 'admin.audit.field.outboxMessages',
  sendsAnonymised: 'admin.audit.field.sendsAnonymised',
};

/** A recorded field's name in the reader's language, or its key when this client does not know it. */
function fieldName(intl: Pick<IntlShape, 'formatMessage'>, field: string): string {
  return Object.hasOwn(AUDIT_FIELD_LABELS, field) ? intl.formatMessage({ id: AUDIT_FIELD_LABELS[field]! }) : field;
}

/** A recorded value as text: strings as they are, lists by their first items, the rest as JSON. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.slice(0, 3).map(valueText).join(', ') + (value.length > 3 ? ', …' : '');
  return JSON.stringify(value);
}

/**
 * An audit event's details, one line per recorded field with its name in the reader's language:
 * `field : before → after` for a change, `field : value` otherwise.
 *
 * @example
 * auditDetailLines(frenchIntl, { …event, before: null, after: { recipientCount: 2 } }) // ['Destinataires : 2']
 */
export function auditDetailLines(intl: Pick<IntlShape, 'formatMessage'>, event: Pick<AuditEventDto, 'before' | 'after'>): string[] {
  const fields = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return fields.map((key) => {
    const field = fieldName(intl, key);
    return event.before && key in event.before
      ? intl.formatMessage({ id: 'admin.audit.change' }, { field, before: valueText(event.before[key]), after: valueText(event.after?.[key] ?? null) })
      : intl.formatMessage({ id: 'admin.audit.value' }, { field, value: valueText(event.after?.[key]) });
  });
}
