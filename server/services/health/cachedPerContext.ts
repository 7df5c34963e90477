import type { AppContext } from '../../context.js';

/**
 * `read(ctx)`, its promise reused for `ms` after it started and shared by the callers meanwhile, per
 * server (several share a test process): probes asked by several load balancers cost one read.
 *
 * @example
 * export const checkDependencies = cachedPerContext(1_000, probeAll);
 */
export function cachedPerContext<T>(ms: number, read: (ctx: AppContext) => Promise<T>): (ctx: AppContext) => Promise<T> {
  const cache = new WeakMap<AppContext, { at: number; value: Promise<T> }>();
  return (ctx) => {
    const cached = cache.get(ctx);
    if (cached && Date.now() - cached.at < ms) return cached.value;
    const value = read(ctx);
    cache.set(ctx, { at: Date.now(), value });
    return value;
  };
}
