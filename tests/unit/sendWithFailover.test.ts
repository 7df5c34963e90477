import { describe, expect, it } from 'vitest';
import { PermanentDeliveryError, RetryLaterError } from '../../server/channels/types.js';
import { createProviderBreaker, type ProviderBreaker } from '../../server/delivery/providerBreaker.js';
import { sendWithFailover } from '../../server/delivery/sendWithFailover.js';
import { createLogger } from '../../server/logger.js';

type Behaviour = 'ok' | 'down' | 'bad-address' | 'rate-limited';

/** Providers that answer as told, the breakers (in-process: no Redis) and a log of who was called. */
function setUp(behaviours: Record<string, Behaviour>, threshold = 2) {
  let now = 1_000_000;
  const breakers = new Map<string, ProviderBreaker>();
  const breakerFor = (provider: string) => {
    if (!breakers.has(provider)) breakers.set(provider, createProviderBreaker(provider, { threshold, cooldownMs: 1000, probeLeaseMs: 5000 }, () => undefined, createLogger('silent'), () => now));
    return breakers.get(provider)!;
  };
  const providers = Object.keys(behaviours).map((provider) => ({ provider }));
  const called: string[] = [];
  const send = async ({ provider }: { provider: string }) => {
    called.push(provider);
    switch (behaviours[provider]) {
      case 'ok':
        return { providerMessageId: `${provider}-id` };
      case 'bad-address':
        throw new PermanentDeliveryError('550 No such user');
      case 'rate-limited':
        throw new RetryLaterError('429 Too Many Requests', 30_000);
      default:
        throw new Error('ECONNREFUSED');
    }
  };
  return { providers, breakerFor, send, called, advance: (ms: number) => (now += ms), now: () => now };
}

describe('sendWithFailover', () => {
  it('uses the first provider while it works, and names it', async () => {
    const t = setUp({ a: 'ok', b: 'ok' });
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual(['a']);
    expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'a', outcome: 'sent', providerMessageId: 'a-id', error: null }] });
  });

  it('hands a transient failure over to the next provider within the same attempt', async () => {
    const t = setUp({ a: 'down', b: 'ok' });
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual(['a', 'b']);
    expect(result).toMatchObject({
      kind: 'tried',
      tries: [
        { provider: 'a', outcome: 'transient_error', error: 'ECONNREFUSED' },
        { provider: 'b', outcome: 'sent', providerMessageId: 'b-id' },
      ],
    });
    expect((await t.breakerFor('a').snapshot()).consecutiveFailures).toBe(1);
  });

  it('stops at a permanent error: the next provider would refuse the address too, and the breaker is not charged', async () => {
    const t = setUp({ a: 'bad-address', b: 'ok' });
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual(['a']);
    expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'a', outcome: 'permanent_error', error: '550 No such user' }] });
    expect(await t.breakerFor('a').snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  it('passes over a provider whose breaker is open without calling it, and says so in the row of the one used', async () => {
    const t = setUp({ a: 'down', b: 'ok' });
    await sendWithFailover(t.providers, t.breakerFor, t.send);
    await sendWithFailover(t.providers, t.breakerFor, t.send); // a's second failure opens it
    t.called.length = 0;
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual(['b']);
    expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'b', outcome: 'sent', error: 'circuit breaker open, passed over: a' }] });
  });

  it('goes back to the first provider once its cool-down ends and the probe succeeds', async () => {
    const behaviours: Record<string, Behaviour> = { a: 'down', b: 'ok' };
    const t = setUp(behaviours, 1);
    await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect((await t.breakerFor('a').snapshot()).state).toBe('open');
    behaviours.a = 'ok';
    t.advance(1000);
    t.called.length = 0;
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual(['a']);
    expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'a', outcome: 'sent' }] });
    expect((await t.breakerFor('a').snapshot()).state).toBe('closed');
  });

  it('reports every breaker open with the earliest time one lets a probe through, calling no one', async () => {
    const t = setUp({ a: 'down', b: 'down' }, 1);
    await sendWithFailover(t.providers, t.breakerFor, t.send); // opens a at now, b at now
    t.advance(400);
    await t.breakerFor('b').onFailure(); // b re-opened later than a
    t.called.length = 0;
    const result = await sendWithFailover(t.providers, t.breakerFor, t.send);
    expect(t.called).toEqual([]);
    expect(result).toEqual({ kind: 'all_open', retryAt: t.now() - 400 + 1000 });
  });

  it('after every provider failed, waits no less than the shortest Retry-After asked (0 when one did not ask)', async () => {
    const limited = setUp({ a: 'rate-limited', b: 'rate-limited' });
    expect(await sendWithFailover(limited.providers, limited.breakerFor, limited.send)).toMatchObject({ kind: 'tried', retryAfterMs: 30_000, tries: [{ outcome: 'transient_error' }, { outcome: 'transient_error' }] });
    const mixed = setUp({ a: 'rate-limited', b: 'down' });
    expect(await sendWithFailover(mixed.providers, mixed.breakerFor, mixed.send)).toMatchObject({ kind: 'tried', retryAfterMs: 0 });
  });

  it('charges no breaker for a provider whose recipients each have their own endpoint (one bad Teams URL holds no one else)', async () => {
    const t = setUp({ teams: 'down' }, 1);
    const providers = [{ provider: 'teams', perRecipientEndpoint: true }];
    for (let i = 0; i < 3; i++) {
      const result = await sendWithFailover(providers, t.breakerFor, t.send);
      expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'teams', outcome: 'transient_error' }] });
    }
    expect(t.called).toEqual(['teams', 'teams', 'teams']);
    // The shared breaker of that name was never touched (threshold 1 would have opened it at once).
    expect(await t.breakerFor('teams').snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });
});
