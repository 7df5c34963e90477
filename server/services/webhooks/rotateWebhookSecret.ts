import type { WebhookEndpointWithSecret } from '../../../shared/schemas/webhooks.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentWebhookEndpoint } from '../../presenters/webhooks.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { generateWebhookSecret } from './webhookSecrets.js';

/**
 * Gives an endpoint a new signing secret and returns it (this answer only). Every attempt from now on,
 * retries of older messages included, is signed with it. Audited `webhook_endpoint.secret_rotated`.
 *
 * @throws HttpError 404 `not_found` for a missing endpoint
 */
export async function rotateWebhookSecret(db: Db, { id, actor }: { id: string; actor: AuditActor }): Promise<WebhookEndpointWithSecret> {
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secret } });
    if (count === 0) throw NotFoundError('webhook endpoint');
    await appendAuditEvent(tx, actor, { action: 'webhook_endpoint.secret_rotated', target: { type: 'webhook_endpoint', id } });
    return tx.webhookEndpoint.findUniqueOrThrow({ where: { id } });
  });
  return { endpoint: presentWebhookEndpoint(row), secret };
}
