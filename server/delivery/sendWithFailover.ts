import { performance } from 'node:perf_hooks';
import { PermanentDeliveryError, RetryLaterError } from '../channels/types.js';
import type { ProviderBreaker } from './providerBreaker.js';

/** The breaker of a provider whose recipients each have their own endpoint (perRecipientEndpoint): always closed, counts nothing. */
const NO_BREAKER: ProviderBreaker = {
  acquire: async () => ({ allowed: true }),
  onSuccess: async () => {},
  onFailure: async () => {},
  snapshot: async () => ({ state: 'closed', consecutiveFailures: 0, openedAt: null, retryAt: null }),
};

/** One provider called within an attempt, as the attempt log records it. */
export interface ProviderTry {
  provider: string;
  startedAt: Date;
  latencyMs: number;
  outcome: 'sent' | 'transient_error' | 'permanent_error';
  providerMessageId: string | null;
  /** The provider's error, or on a success the channel's note and which providers were passed over. */
  error: string | null;
}

/** How an attempt through a channel's providers ended. */
export type FailoverResult =
  /** Sent, or failed: `tries` (in order, at least one) says by whom; the last one decides. */
  | { kind: 'tried'; tries: ProviderTry[]; retryAfterMs: number }
  /** Every provider's breaker refused: nothing was called; come back at `retryAt` (epoch ms). */
  | { kind: 'all_open'; retryAt: number };

/** What a send through one provider returns (a channel's ChannelResult). */
interface SendResult {
  providerMessageId: string | null;
  note?: string;
}

/**
 * Sends through a channel's providers in order, within one attempt. A provider whose breaker is open is
 * passed over (a provider with per-recipient endpoints has none); one that fails transiently (its breaker counts it) hands over to the next; the first
 * success ends it. A permanent error (a bad address) ends it too: another provider would refuse the same
 * address, and it says nothing against the provider's health (its breaker counts it as a success).
 *
 * `retryAfterMs` is the shortest `Retry-After` the failed providers asked for (0 when one did not ask):
 * the next attempt starts again from the first provider, and must not come back before one accepts.
 *
 * @example
 * const result = await sendWithFailover(providers, ctx.delivery.breakerFor, (p) => p.send(message));
 */
export async function sendWithFailover<P extends { provider: string; perRecipientEndpoint?: boolean }>(
  providers: readonly P[],
  breakerFor: (provider: string) => ProviderBreaker,
  send: (provider: P) => Promise<SendResult>,
): Promise<FailoverResult> {
  const tries: ProviderTry[] = [];
  const passedOver: string[] = [];
  let retryAt = Number.POSITIVE_INFINITY;
  let retryAfterMs = Number.POSITIVE_INFINITY;
  for (const provider of providers) {
    const breaker = provider.perRecipientEndpoint ? NO_BREAKER : breakerFor(provider.provider);
    const permit = await breaker.acquire();
    if (!permit.allowed) {
      passedOver.push(provider.provider);
      retryAt = Math.min(retryAt, permit.retryAt);
      continue;
    }
    // Providers passed over just before this one are named in its row (no row of their own: nothing was called).
    const skipped = passedOver.length > 0 ? `circuit breaker open, passed over: ${passedOver.splice(0).join(', ')}` : undefined;
    const startedAt = new Date();
    const started = performance.now();
    const row = (outcome: ProviderTry['outcome'], providerMessageId: string | null, error: string | undefined): ProviderTry => ({
      provider: provider.provider,
      startedAt,
      latencyMs: Math.round(performance.now() - started),
      outcome,
      providerMessageId,
      error: [error, skipped].filter(Boolean).join('; ') || null,
    });
    try {
      const result = await send(provider);
      await breaker.onSuccess();
      tries.push(row('sent', result.providerMessageId, result.note));
      return { kind: 'tried', tries, retryAfterMs: 0 };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentDeliveryError) {
        await breaker.onSuccess();
        tries.push(row('permanent_error', null, error));
        return { kind: 'tried', tries, retryAfterMs: 0 };
      }
      await breaker.onFailure();
      retryAfterMs = Math.min(retryAfterMs, err instanceof RetryLaterError ? err.retryAfterMs : 0);
      tries.push(row('transient_error', null, error));
    }
  }
  if (tries.length === 0) return { kind: 'all_open', retryAt };
  return { kind: 'tried', tries, retryAfterMs };
}
