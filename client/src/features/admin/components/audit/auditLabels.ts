import type { AuditAction, AuditActorType, AuditTargetType } from '@shared/schemas/audit';
import type { MessageId } from '../../../../i18n/messageIds';

/** The message id naming each audit action ("API key created"). */
export const AUDIT_ACTION_LABELS = {
  'api_key.created': 'admin.audit.action.api_key.created',
  'api_key.revoked': 'admin.audit.action.api_key.revoked',
  'user_token_secret.created': 'admin.audit.action.user_token_secret.created',
  'user_token_secret.rotated': 'admin.audit.action.user_token_secret.rotated',
  'user_token_secret.revoked': 'admin.audit.action.user_token_secret.revoked',
  'user.created': 'admin.audit.action.user.created',
  'user.updated': 'admin.audit.action.user.updated',
  'user.role_changed': 'admin.audit.action.user.role_changed',
  'user.external_id_changed': 'admin.audit.action.user.external_id_changed',
  'user.preferences_updated': 'admin.audit.action.user.preferences_updated',
  'user.contact_updated': 'admin.audit.action.user.contact_updated',
  'user.exported': 'admin.audit.action.user.exported',
  'user.erased': 'admin.audit.action.user.erased',
  'invitation.created': 'admin.audit.action.invitation.created',
  'invitation.resent': 'admin.audit.action.invitation.resent',
  'invitation.revoked': 'admin.audit.action.invitation.revoked',
  'category.created': 'admin.audit.action.category.created',
  'category.updated': 'admin.audit.action.category.updated',
  'topic.created': 'admin.audit.action.topic.created',
  'topic.subscribed': 'admin.audit.action.topic.subscribed',
  'topic.unsubscribed': 'admin.audit.action.topic.unsubscribed',
  'send.created': 'admin.audit.action.send.created',
  'send.cancelled': 'admin.audit.action.send.cancelled',
  'delivery.retried': 'admin.audit.action.delivery.retried',
  'channel.updated': 'admin.audit.action.channel.updated',
  'webhook_endpoint.created': 'admin.audit.action.webhook_endpoint.created',
  'webhook_endpoint.updated': 'admin.audit.action.webhook_endpoint.updated',
  'webhook_endpoint.secret_rotated': 'admin.audit.action.webhook_endpoint.secret_rotated',
  'webhook_endpoint.deleted': 'admin.audit.action.webhook_endpoint.deleted',
  'webhook_endpoint.disabled': 'admin.audit.action.webhook_endpoint.disabled',
  'webhook_message.resent': 'admin.audit.action.webhook_message.resent',
} as const satisfies Record<AuditAction, MessageId>;

/** The message id naming each kind of target ("Category"). */
export const AUDIT_TARGET_LABELS = {
  api_key: 'admin.audit.target.api_key',
  user_token_secret: 'admin.audit.target.user_token_secret',
  user: 'admin.audit.target.user',
  invitation: 'admin.audit.target.invitation',
  category: 'admin.audit.target.category',
  topic: 'admin.audit.target.topic',
  send: 'admin.audit.target.send',
  delivery: 'admin.audit.target.delivery',
  channel: 'admin.audit.target.channel',
  webhook_endpoint: 'admin.audit.target.webhook_endpoint',
} as const satisfies Record<AuditTargetType, MessageId>;

/** The message id naming each kind of actor ("API key"). */
export const AUDIT_ACTOR_LABELS = {
  user: 'admin.audit.actorType.user',
  api_key: 'admin.audit.actorType.api_key',
  system: 'admin.audit.actorType.system',
} as const satisfies Record<AuditActorType, MessageId>;

/** A label id from one of the maps above, for a value a newer server may have recorded (then: none). */
export const labelOf = <K extends string>(labels: Record<K, MessageId>, value: string): MessageId | undefined =>
  Object.hasOwn(labels, value) ? labels[value as K] : undefined;
