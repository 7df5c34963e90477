import { RedisStore } from 'rate-limit-redis';
import type { AppContext } from '../context.js';

/**
 * Where rate-limit counters live: in Redis when the app runs scale-out (`REDIS_URL`), so N nodes enforce
 * one limit together; in this process's memory otherwise (express-rate-limit's default store).
 */
export function rateLimitStore(ctx: AppContext, prefix: string): RedisStore | undefined {
  const redis = ctx.redis;
  if (!redis) return undefined;
  return new RedisStore({ prefix: `flashnotify:rl:${prefix}:`, sendCommand: (...args: string[]) => redis.sendCommand(args) as never });
}
