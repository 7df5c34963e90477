import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { performance } from 'node:perf_hooks';
import type { AttemptOutcome } from '../../shared/schemas/delivery.js';
import { absoluteActionUrl } from '../channels/links.js';
import { parseActions } from '../services/sends/sendSpec.js';
import { isPhoneConsentChannel, PHONE_CONSENTS } from '../services/preferences/phoneConsents.js';
import { PermanentDeliveryError, RetryLaterError, type ExternalChannel, type OutgoingMessage } from '../channels/types.js';
import { linkTo, tracer } from '../tracing/tracing.js';
import type { AppContext } from '../context.js';
import type { Priority } from '../../shared/types.js';
import { retryDelayMs } from '../jobs/backoff.js';
import type { DeliveryClaim } from './claimDueDeliveries.js';
import { READ_BEFORE_STEP } from '../services/notifications/cancelEscalations.js';
import { enqueueWebhookEvent } from '../services/webhooks/enqueueWebhookEvent.js';

/** How long a delivery waits while its channel is switched off before it is looked at again. */
const DISABLED_RECHECK_MS = 30_000;
/** While a half-open breaker's probe is out, the others wait at least this long (no busy re-claiming). */
const PROBE_WAIT_MS = 1000;

/**
 * Sends one claimed delivery and records the outcome. Every write is conditional on still holding the
 * claim (status `sending` + our claim token), so a worker that stalled past its lease cannot overwrite the
 * outcome of the worker that took over.
 */
export async function processDelivery(ctx: AppContext, claim: DeliveryClaim): Promise<AttemptOutcome | 'skipped'> {
  const ours = { id: claim.id, status: 'sending', claimedBy: claim.claimedBy };
  const delivery = await ctx.db.delivery.findUnique({
    where: { id: claim.id },
    include: { notification: { include: { send: { select: { traceParent: true } } } }, user: true },
  });
  if (!delivery || delivery.status !== 'sending') return 'skipped';
  const channelName = delivery.channel as ExternalChannel;
  const phoneConsent = isPhoneConsentChannel(channelName) ? PHONE_CONSENTS[channelName] : undefined;
  if (phoneConsent && !delivery.user[phoneConsent.at]) {
    // Consent withdrawn after this was planned: never send (the withdrawal cancels pending ones; this
    // catches one claimed at that very moment).
    const lastError = `${phoneConsent.label} consent withdrawn`;
    await ctx.db.delivery.updateMany({ where: ours, data: { status: 'cancelled', leaseUntil: null, claimedBy: null, lastError, attempts: { decrement: 1 } } });
    ctx.metrics.deliveryProcessed(channelName, 'cancelled');
    return 'skipped';
  }
  if (delivery.escalationStep !== null && delivery.notification.readAt) {
    // Read between planning and now (the read's own cancellation only sees pending steps).
    await ctx.db.delivery.updateMany({ where: ours, data: { status: 'cancelled', leaseUntil: null, claimedBy: null, lastError: READ_BEFORE_STEP, attempts: { decrement: 1 } } });
    ctx.metrics.deliveryProcessed(channelName, 'cancelled');
    return 'skipped';
  }
  const channel = ctx.delivery.channels[channelName];
  const breaker = ctx.delivery.breakerFor(channel.provider);

  // Switched off, or the provider's breaker is open: put it back untouched (this try does not count).
  const deferral = !(await ctx.delivery.switches.isEnabled(channelName))
    ? { until: Date.now() + DISABLED_RECHECK_MS, reason: 'channel_disabled' as const }
    : !breaker.tryAcquire()
      ? { until: Math.max(breaker.retryAt(), Date.now() + PROBE_WAIT_MS), reason: 'breaker_open' as const }
      : null;
  if (deferral !== null) {
    await ctx.db.delivery.updateMany({
      where: ours,
      data: { status: 'pending', leaseUntil: null, claimedBy: null, attempts: { decrement: 1 }, nextAttemptAt: new Date(deferral.until) },
    });
    ctx.metrics.deliveryDeferred(channelName, deferral.reason);
    return 'breaker_open';
  }

  const { notification: n, user } = delivery;
  const message: OutgoingMessage = {
    deliveryId: delivery.id,
    attempt: claim.attempts,
    notification: {
      id: n.id,
      category: n.category,
      priority: n.priority as Priority,
      title: n.title,
      body: n.body,
      actionUrl: absoluteActionUrl(n.actionUrl, ctx.publicUrl),
      icon: n.icon,
      actions: parseActions(n.actions),
      createdAt: n.createdAt,
    },
    recipient: { id: user.id, name: user.name, email: user.email, phone: user.phone, slackUserId: user.slackUserId, teamsWebhookUrl: user.teamsWebhookUrl, locale: user.locale, timezone: user.timezone },
  };

  // Each attempt is a trace of its own (the worker's, maybe on another node, maybe after a restart), linked
  // to the request that created the send (tracing on; a no-op span otherwise).
  const span = tracer.startSpan('delivery.attempt', {
    root: true,
    kind: SpanKind.CLIENT,
    links: linkTo(n.send?.traceParent ?? null),
    attributes: { 'flashnotify.delivery.id': delivery.id, 'flashnotify.channel': channelName, 'flashnotify.provider': channel.provider, 'flashnotify.attempt': claim.attempts },
  });
  const startedAt = new Date();
  const started = performance.now();
  let outcome: AttemptOutcome;
  let providerMessageId: string | null = null;
  let error: string | null = null;
  // The provider's own "come back in …" (429 + Retry-After), which a retry must not beat.
  let retryAfterMs = 0;
  try {
    const result = await context.with(trace.setSpan(context.active(), span), () => channel.send(message));
    providerMessageId = result.providerMessageId;
    // A recovered hiccup (push 413 → minimal payload) is logged with the success, in the error column.
    error = result.note ?? null;
    outcome = 'sent';
    breaker.onSuccess();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    outcome = err instanceof PermanentDeliveryError ? 'permanent_error' : 'transient_error';
    if (err instanceof RetryLaterError) retryAfterMs = err.retryAfterMs;
    // A bad address says nothing about the provider's health; only transient failures trip the breaker.
    if (outcome === 'transient_error') breaker.onFailure();
    else breaker.onSuccess();
  }
  const elapsedMs = performance.now() - started;
  const latencyMs = Math.round(elapsedMs);
  ctx.metrics.deliveryAttempted(channelName, outcome, elapsedMs / 1000);
  span.setAttribute('flashnotify.outcome', outcome);
  if (outcome !== 'sent') span.setStatus({ code: SpanStatusCode.ERROR, message: error ?? outcome });
  span.end();

  const exhausted = outcome === 'transient_error' && claim.attempts >= ctx.config.delivery.maxAttempts;
  const status = outcome === 'sent' ? 'sent' : outcome === 'permanent_error' ? 'failed' : exhausted ? 'dead' : 'pending';
  const next =
    status === 'sent'
      ? { status, sentAt: new Date(), providerMessageId, lastError: null }
      : status === 'pending'
        ? { status, lastError: error, nextAttemptAt: new Date(Date.now() + Math.max(retryAfterMs, retryDelayMs(claim.attempts, { baseMs: ctx.config.delivery.backoffBaseMs, maxMs: ctx.config.delivery.backoffMaxMs, jitter: true }))) }
        : { status, lastError: error };
  await ctx.db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: { deliveryId: delivery.id, attempt: claim.attempts, startedAt, latencyMs, outcome, providerMessageId, error, provider: channel.provider },
    });
    const { count } = await tx.delivery.updateMany({ where: ours, data: { ...next, leaseUntil: null, claimedBy: null } });
    // Given up for good (and recorded by this holder): webhook endpoints hear of it with this commit.
    if (count > 0 && (status === 'failed' || status === 'dead')) {
      const failure = { id: delivery.id, notificationId: n.id, userId: user.id, userExternalId: user.externalId, channel: channelName, provider: channel.provider, status, attempts: claim.attempts, error };
      await enqueueWebhookEvent(tx, 'delivery.failed', { delivery: failure });
    }
  });
  ctx.metrics.deliveryProcessed(channelName, status === 'pending' ? 'retry' : status);
  if (outcome !== 'sent') {
    const { traceId, spanId } = span.spanContext();
    ctx.log.warn({ deliveryId: delivery.id, channel: channelName, attempt: claim.attempts, outcome, error, trace_id: traceId, span_id: spanId }, 'Delivery attempt failed');
  }
  return outcome;
}
