import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Deletes an endpoint with its delivery log and waiting messages (a message being sent right now finishes,
 * and its outcome finds no row to write). Audited `webhook_endpoint.deleted`.
 *
 * @throws HttpError 404 `not_found` for a missing endpoint
 */
export async function deleteWebhookEndpoint(db: Db, { id, actor }: { id: string; actor: AuditActor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (count === 0) throw NotFoundError('webhook endpoint');
    await appendAuditEvent(tx, actor, { action: 'webhook_endpoint.deleted', target: { type: 'webhook_endpoint', id } });
  });
}
