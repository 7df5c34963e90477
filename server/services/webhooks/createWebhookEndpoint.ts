import type { CreateWebhookEndpointInput, WebhookEndpointWithSecret } from '../../../shared/schemas/webhooks.js';
import type { AppContext } from '../../context.js';
import { eventTypesColumn, presentWebhookEndpoint } from '../../presenters/webhooks.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { usableOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import { generateWebhookSecret } from './webhookSecrets.js';

/**
 * Registers a webhook endpoint and returns it with its signing secret, which only this answer and a
 * rotation's carry (lists and edits never do). Audited `webhook_endpoint.created` in the same transaction.
 *
 * @throws HttpError 400 `validation_failed` naming `url` when the URL breaks the outbound rule
 */
export async function createWebhookEndpoint(
  ctx: Pick<AppContext, 'db' | 'config'>,
  { input, createdById, actor }: { input: CreateWebhookEndpointInput; createdById: string; actor: AuditActor },
): Promise<WebhookEndpointWithSecret> {
  const url = usableOutboundUrl(input.url, ctx.config.outbound, 'url');
  const secret = generateWebhookSecret();
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { url, description: input.description, eventTypes: eventTypesColumn(input.eventTypes), secret, createdById },
    });
    await appendAuditEvent(tx, actor, {
      action: 'webhook_endpoint.created',
      target: { type: 'webhook_endpoint', id: created.id },
      after: { url, eventTypes: input.eventTypes },
    });
    return created;
  });
  return { endpoint: presentWebhookEndpoint(row), secret };
}
