import type { WebhookMessageDto } from '../../../shared/schemas/webhooks.js';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentWebhookMessage } from '../../presenters/webhooks.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Sends a message of an endpoint's log again ("resend"): a fresh round of attempts, due now, with the same
 * `webhook-id` (so a receiver that already has it can tell). A delivered or failed message goes again; a
 * waiting one just goes now. Audited `webhook_message.resent`.
 *
 * @throws HttpError 404 `not_found` for a missing message, or one of another endpoint
 * @throws HttpError 409 `conflict` while the message is being sent
 */
export async function resendWebhookMessage(
  db: Db,
  { endpointId, messageId, actor }: { endpointId: string; messageId: string; actor: AuditActor },
): Promise<WebhookMessageDto> {
  const row = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.webhookMessage.updateMany({
      where: { id: messageId, endpointId, status: { not: 'sending' } },
      data: { status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now, claimedBy: null, leaseUntil: null },
    });
    if (count === 0) {
      const exists = await tx.webhookMessage.findFirst({ where: { id: messageId, endpointId }, select: { id: true } });
      if (!exists) throw NotFoundError('webhook message');
      throw new HttpError(409, 'message_in_flight', 'The message is being sent; resend it once this attempt has ended');
    }
    await appendAuditEvent(tx, actor, { action: 'webhook_message.resent', target: { type: 'webhook_endpoint', id: endpointId }, after: { messageId } });
    return tx.webhookMessage.findUniqueOrThrow({ where: { id: messageId } });
  });
  return presentWebhookMessage(row);
}
