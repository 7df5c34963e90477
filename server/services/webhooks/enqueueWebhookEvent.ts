import type { WebhookEventType } from '../../../shared/schemas/webhooks.js';
import type { Db, Tx } from '../../db/client.js';
import { webhookMessageRows } from '../../webhooks/webhookMessages.js';

/** A client or the transaction of the change the event tells about (the usual case: see enqueueWebhookEvent). */
type Writer = Pick<Db | Tx, 'webhookEndpoint' | 'webhookMessage'>;

/**
 * Puts one event in the webhook outbox: one WebhookMessage per enabled endpoint subscribed to `type`
 * (webhookMessageRows). The caller passes the transaction of its change, so the event exists exactly when
 * the change committed: nothing is told before the commit, nothing is lost after it. The webhook worker
 * sends the rows (server/webhooks/webhookWorker.ts). Returns how many endpoints get it.
 *
 * @example
 * await ctx.db.$transaction(async (tx) => { …; await enqueueWebhookEvent(tx, 'notification.read', { notificationId, userId, readAt }); });
 */
export async function enqueueWebhookEvent(writer: Writer, type: WebhookEventType, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const subscribers = await writer.webhookEndpoint.findMany({ where: { enabled: true, eventTypes: { contains: `,${type},` } }, select: { id: true, eventTypes: true } });
  const rows = webhookMessageRows(subscribers, type, data, now);
  if (rows.length === 0) return 0;
  const { count } = await writer.webhookMessage.createMany({ data: rows });
  return count;
}
