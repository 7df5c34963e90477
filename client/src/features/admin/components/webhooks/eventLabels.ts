import type { WebhookEventType, WebhookMessageStatus } from '@shared/schemas/webhooks';
import type { MessageId } from '../../../../i18n/messageIds';

/** What each event type is, in words (the create form's checkboxes). */
export const WEBHOOK_EVENT_HINTS = {
  'notification.created': 'admin.webhooks.event.notificationCreated',
  'notification.read': 'admin.webhooks.event.notificationRead',
  'delivery.failed': 'admin.webhooks.event.deliveryFailed',
  'send.completed': 'admin.webhooks.event.sendCompleted',
} as const satisfies Record<WebhookEventType, MessageId>;

/** A log line's status, in words. */
export const WEBHOOK_MESSAGE_STATUS_LABELS = {
  pending: 'admin.webhooks.log.status.pending',
  sending: 'admin.webhooks.log.status.sending',
  delivered: 'admin.webhooks.log.status.delivered',
  failed: 'admin.webhooks.log.status.failed',
} as const satisfies Record<WebhookMessageStatus, MessageId>;

/** The status badge's modifier for a log line (the colours of the deliveries page). */
export const WEBHOOK_MESSAGE_BADGES = {
  pending: 'pending',
  sending: 'sending',
  delivered: 'sent',
  failed: 'failed',
} as const satisfies Record<WebhookMessageStatus, string>;
