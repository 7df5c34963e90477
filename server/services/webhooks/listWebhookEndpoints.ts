import type { WebhookEndpointDto } from '../../../shared/schemas/webhooks.js';
import type { Db } from '../../db/client.js';
import { presentWebhookEndpoint } from '../../presenters/webhooks.js';

/** Every webhook endpoint, the oldest first, without their secrets (any admin sees every endpoint, never a secret). */
export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointDto[]> {
  const rows = await db.webhookEndpoint.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(presentWebhookEndpoint);
}
