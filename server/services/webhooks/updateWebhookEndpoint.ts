import type { UpdateWebhookEndpointInput, WebhookEndpointDto } from '../../../shared/schemas/webhooks.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { eventTypesColumn, presentWebhookEndpoint } from '../../presenters/webhooks.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { usableOutboundUrl } from '../../outbound/checkOutboundUrl.js';

/**
 * Edits an endpoint's URL, description or event types, or turns it off or on. Turning it on clears the
 * failure count and the reason it was turned off, and its waiting messages go again; turned off, they wait.
 * Audited `webhook_endpoint.updated` with the changed fields.
 *
 * @throws HttpError 400 `validation_failed` naming `url` when the URL breaks the outbound rule
 * @throws HttpError 404 `not_found` for a missing endpoint
 */
export async function updateWebhookEndpoint(
  ctx: Pick<AppContext, 'db' | 'config'>,
  { id, changes, actor }: { id: string; changes: UpdateWebhookEndpointInput; actor: AuditActor },
): Promise<WebhookEndpointDto> {
  const url = changes.url === undefined ? undefined : usableOutboundUrl(changes.url, ctx.config.outbound, 'url');
  const row = await ctx.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!current) throw NotFoundError('webhook endpoint');
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url,
        description: changes.description,
        eventTypes: changes.eventTypes && eventTypesColumn(changes.eventTypes),
        ...(changes.enabled === undefined ? {} : { enabled: changes.enabled, disabledReason: null }),
        ...(changes.enabled === true ? { consecutiveFailures: 0 } : {}),
      },
    });
    await appendAuditEvent(tx, actor, {
      action: 'webhook_endpoint.updated',
      target: { type: 'webhook_endpoint', id },
      before: { url: current.url, enabled: current.enabled },
      after: { ...changes, ...(url === undefined ? {} : { url }) },
    });
    return updated;
  });
  return presentWebhookEndpoint(row);
}
