import type { Tx } from '../../db/client.js';
import { webhookMessageRows, type NewWebhookMessage } from '../../webhooks/webhookMessages.js';

// Rows per createMany: a "mark all read" of a large inbox stays well below both databases' parameter limits.
const INSERT_CHUNK = 1000;

/**
 * A `notification.read` event per notification of `userId` that a read just stamped with `readAt` (one
 * item, a selection or "mark all": each stamps its rows with its own `now`), in the read's transaction `tx`
 * so they exist exactly when the read committed. Reads nothing more when no enabled endpoint takes the event.
 *
 * @example
 * await enqueueReadEvents(tx, userId, now); // after tx.notification.updateMany({ …, data: { readAt: now } })
 */
export async function enqueueReadEvents(tx: Tx, userId: string, readAt: Date): Promise<void> {
  const subscribers = await tx.webhookEndpoint.findMany({ where: { enabled: true, eventTypes: { contains: ',notification.read,' } }, select: { id: true, eventTypes: true } });
  if (subscribers.length === 0) return;
  const read = await tx.notification.findMany({ where: { userId, readAt }, select: { id: true }, orderBy: { seq: 'asc' } });
  const user = await tx.user.findUnique({ where: { id: userId }, select: { externalId: true } });
  const userExternalId = user?.externalId ?? null;
  const rows: NewWebhookMessage[] = read.flatMap(({ id }) =>
    webhookMessageRows(subscribers, 'notification.read', { notification: { id, userId, userExternalId, readAt: readAt.toISOString() } }, readAt),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.webhookMessage.createMany({ data: rows.slice(i, i + INSERT_CHUNK) });
}
