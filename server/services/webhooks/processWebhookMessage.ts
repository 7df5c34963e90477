import { Webhook } from 'standardwebhooks';
import type { AppContext } from '../../context.js';
import { retryDelayMs } from '../../jobs/backoff.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import { postJson, type OutboundPostResult, type OutboundTransport } from '../../outbound/postJson.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import type { WebhookMessageClaim } from './claimDueWebhookMessages.js';

/** Who the audit log names when the worker turns an endpoint off. */
const WEBHOOK_WORKER_ACTOR: AuditActor = { type: 'system', id: null, label: 'webhook worker' };

/** How one attempt ended for the message. */
export type WebhookAttemptOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/**
 * Sends one claimed webhook message and records the outcome. The body is signed per Standard Webhooks
 * (`webhook-id`: the event id, `webhook-timestamp`: now in seconds, `webhook-signature`: `v1,<HMAC-SHA256>`
 * by the `standardwebhooks` library) on every attempt, so a retry carries a fresh timestamp. A 2xx answer
 * delivers it; anything else (another status, a timeout, a refused or blocked connection) is retried with
 * backoff (never sooner than a 429's or 503's Retry-After) until WEBHOOK_MAX_ATTEMPTS, then the message is `failed`. Each failure counts against the
 * endpoint: WEBHOOK_DISABLE_AFTER of them in a row turn it off (`disabledReason: failures`, audited
 * `webhook_endpoint.disabled`); a success resets the count. Writes are conditional on holding the claim.
 */
export async function processWebhookMessage(ctx: AppContext, transport: OutboundTransport, claim: WebhookMessageClaim): Promise<WebhookAttemptOutcome> {
  const ours = { id: claim.id, status: 'sending', claimedBy: claim.claimedBy };
  const message = await ctx.db.webhookMessage.findUnique({ where: { id: claim.id }, include: { endpoint: true } });
  if (!message || message.status !== 'sending') return 'skipped';
  const { endpoint } = message;

  const target = checkOutboundUrl(endpoint.url, ctx.config.outbound);
  let result: OutboundPostResult;
  if (target.ok) {
    const sentAt = new Date();
    const signature = new Webhook(endpoint.secret).sign(message.eventId, sentAt, message.payload);
    const headers = { 'webhook-id': message.eventId, 'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)), 'webhook-signature': signature, 'user-agent': 'FlashNotify-Webhooks' };
    result = await postJson(target.url, headers, message.payload, transport);
  } else {
    result = { status: null, error: `The endpoint's URL is refused: ${target.reason}`, blocked: true };
  }

  const now = new Date();
  const delivered = result.status !== null && result.status >= 200 && result.status < 300;
  const error = delivered ? null : result.status === null ? result.error : `HTTP ${result.status}`;
  const exhausted = claim.attempts >= ctx.config.webhooks.maxAttempts;
  const outcome: WebhookAttemptOutcome = delivered ? 'delivered' : exhausted ? 'failed' : 'retry';
  const { backoffBaseMs, backoffMaxMs } = ctx.config.webhooks;
  // The endpoint's own "come back in …" (429/503 + Retry-After), which a retry must not beat.
  const retryAfter = 'retryAfterMs' in result ? (result.retryAfterMs ?? 0) : 0;
  const next =
    outcome === 'delivered'
      ? { status: 'delivered', deliveredAt: now }
      : outcome === 'failed'
        ? { status: 'failed' }
        : { status: 'pending', nextAttemptAt: new Date(now.getTime() + Math.max(retryAfter, retryDelayMs(claim.attempts, { baseMs: backoffBaseMs, maxMs: backoffMaxMs, jitter: true }))) };

  const recorded = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhookMessage.updateMany({
      where: ours,
      data: { ...next, lastStatusCode: result.status, lastError: error, updatedAt: now, claimedBy: null, leaseUntil: null },
    });
    if (count === 0) return false; // another claim took it over meanwhile: its outcome stands
    if (delivered) {
      await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
      return true;
    }
    const failing = await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: { increment: 1 } } });
    if (failing.enabled && failing.consecutiveFailures >= ctx.config.webhooks.disableAfter) {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: 'failures' } });
      await appendAuditEvent(tx, WEBHOOK_WORKER_ACTOR, {
        action: 'webhook_endpoint.disabled',
        target: { type: 'webhook_endpoint', id: endpoint.id },
        after: { enabled: false, reason: 'failures', consecutiveFailures: failing.consecutiveFailures },
      });
    }
    return true;
  });
  if (!recorded) return 'skipped';
  if (!delivered) ctx.log.warn({ webhookMessageId: message.id, endpointId: endpoint.id, attempt: claim.attempts, error }, 'Webhook attempt failed');
  return outcome;
}
