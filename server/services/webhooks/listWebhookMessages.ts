import type { WebhookMessageDto } from '../../../shared/schemas/webhooks.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentWebhookMessage } from '../../presenters/webhooks.js';

/**
 * An endpoint's delivery log: its newest `limit` messages, the newest first.
 *
 * @throws HttpError 404 `not_found` for a missing endpoint
 */
export async function listWebhookMessages(db: Db, { endpointId, limit }: { endpointId: string; limit: number }): Promise<WebhookMessageDto[]> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw NotFoundError('webhook endpoint');
  const rows = await db.webhookMessage.findMany({ where: { endpointId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map(presentWebhookMessage);
}
