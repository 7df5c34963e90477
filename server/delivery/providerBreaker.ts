import type { BreakerStateDto } from '../../shared/schemas/delivery.js';
import type { Logger } from '../logger.js';
import { CircuitBreaker } from './circuitBreaker.js';

/**
 * The circuit breaker of one provider, as the delivery code uses it (asynchronous: its state may live in
 * Redis). See CircuitBreaker for the rules: `threshold` consecutive transient failures open it for the
 * cool-down, then one probe at a time is let through (half-open) until one succeeds or fails.
 */
export interface ProviderBreaker {
  /** Whether a call may go out now; if not, when (epoch ms) to come back. */
  acquire(): Promise<{ allowed: true } | { allowed: false; retryAt: number }>;
  onSuccess(): Promise<void>;
  onFailure(): Promise<void>;
  snapshot(): Promise<BreakerStateDto>;
}

/** What a shared breaker needs of Redis: one command on a connection (ctx.redis). */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface BreakerSettings {
  threshold: number;
  cooldownMs: number;
  /** How long a half-open probe may be out before another node may probe (its send's worst case). */
  probeLeaseMs: number;
}

/** A Redis that does not answer within this long is treated as down for this call (local state decides). */
const REDIS_TIMEOUT_MS = 1000;
/** How long failure counts and the "was open, not yet probed" mark are kept without news: stale counts expire. */
const MEMORY_MS = 3_600_000;

// KEYS: open (value: openedAt, expires with the cool-down), failures (count), tripped (openedAt; set while
// the breaker is open or half-open), probe (a half-open probe is out). All four share a hash tag, so one
// script may touch them on a Redis Cluster too. Each script runs atomically: two nodes never both probe,
// and a failure count never loses an increment.
const ACQUIRE = `
local openTtl = redis.call('PTTL', KEYS[1])
if openTtl > 0 then return {0, openTtl} end
if redis.call('EXISTS', KEYS[3]) == 1 then
  if redis.call('SET', KEYS[4], '1', 'NX', 'PX', ARGV[1]) then return {1, 0} end
  return {0, redis.call('PTTL', KEYS[4])}
end
return {1, 0}`;
const SUCCESS = `redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4]) return 1`;
const FAILURE = `
local failures = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
local probing = redis.call('EXISTS', KEYS[4]) == 1
if probing or failures >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
  redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
  redis.call('DEL', KEYS[4])
end
return failures`;
const SNAPSHOT = `return {redis.call('PTTL', KEYS[1]), redis.call('GET', KEYS[2]) or '0', redis.call('GET', KEYS[3]) or ''}`;

/**
 * A provider's breaker. Without Redis (embedded mode) it is this node's CircuitBreaker. With Redis
 * (scale-out), the state lives in Redis keys (`flashnotify:breaker:{<provider>}:*`, updated by Lua
 * scripts), so a provider opened by one node is open on all of them, and only one node probes it when
 * half-open. The local breaker is kept up to date beside it: if Redis is unreachable (or slow), a call
 * falls back to this node's own view rather than blocking or failing deliveries, and is logged once per
 * outage.
 *
 * @example
 * const breaker = createProviderBreaker('smtp:relay1.example.com:587', settings, () => ctx.redis, ctx.log);
 * if ((await breaker.acquire()).allowed) { … await breaker.onSuccess(); }
 */
export function createProviderBreaker(provider: string, settings: BreakerSettings, redis: () => RedisCommands | undefined, log: Logger, now: () => number = Date.now): ProviderBreaker {
  const local = new CircuitBreaker(settings.threshold, settings.cooldownMs, now);
  const base = `flashnotify:breaker:{${provider}}`;
  const keys = [`${base}:open`, `${base}:failures`, `${base}:tripped`, `${base}:probe`];
  let redisDown = false;

  /** Runs a script; undefined when there is no Redis or it failed (then the local breaker decides). */
  const run = async (script: string, args: (string | number)[]): Promise<unknown> => {
    const client = redis();
    if (!client) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
      });
      const reply = await Promise.race([client.sendCommand(['EVAL', script, String(keys.length), ...keys, ...args.map(String)]), timeout]);
      if (redisDown) log.info({ provider }, 'Circuit breaker state is shared through Redis again');
      redisDown = false;
      return reply;
    } catch (err) {
      if (!redisDown) log.warn({ err, provider }, 'Redis unreachable: this circuit breaker uses this node’s own state until it is back');
      redisDown = true;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async acquire() {
      const reply = (await run(ACQUIRE, [settings.probeLeaseMs])) as [number, number] | undefined;
      if (reply === undefined) return local.tryAcquire() ? { allowed: true } : { allowed: false, retryAt: local.retryAt() };
      return Number(reply[0]) === 1 ? { allowed: true } : { allowed: false, retryAt: now() + Math.max(Number(reply[1]), 0) };
    },
    async onSuccess() {
      local.onSuccess();
      await run(SUCCESS, []);
    },
    async onFailure() {
      local.onFailure();
      await run(FAILURE, [settings.threshold, settings.cooldownMs, now(), settings.cooldownMs + MEMORY_MS]);
    },
    async snapshot() {
      const reply = (await run(SNAPSHOT, [])) as [number, string, string] | undefined;
      if (reply === undefined) return local.snapshot();
      const [openTtl, failures, tripped] = [Number(reply[0]), Number(reply[1]), reply[2]];
      const openedAt = tripped === '' ? null : Number(tripped);
      return {
        state: openTtl > 0 ? 'open' : openedAt !== null ? 'half_open' : 'closed',
        consecutiveFailures: failures,
        openedAt: openedAt === null ? null : new Date(openedAt).toISOString(),
        retryAt: openedAt === null ? null : new Date(openTtl > 0 ? now() + openTtl : openedAt + settings.cooldownMs).toISOString(),
      };
    },
  };
}
