import type { AppContext } from '../../context.js';
import { cachedPerContext } from './cachedPerContext.js';

/** A dependency's state as `/api/health` reports it. */
export type DependencyState = 'ok' | 'unavailable';

export interface DependencyReport {
  /** `ok` when every checked dependency answered. */
  status: DependencyState;
  checks: { database: DependencyState; redis?: DependencyState };
}

/** How long one report is reused: health checks from several load balancers cost one probe per second. */
const CACHE_MS = 1_000;
/** A probe that has not answered by then counts as down (a hung connection must not hang the check). */
const PROBE_TIMEOUT_MS = 2_000;

/** The last status logged per server, so an outage is logged when it starts and when it ends, not per probe. */
const lastStatus = new WeakMap<AppContext, DependencyState>();

/**
 * Probes the database (`SELECT 1`) and, in scale-out mode, Redis (`PING` on the adapter's publishing
 * connection, which fails at once while disconnected), in parallel, each bounded by PROBE_TIMEOUT_MS.
 * The report is cached for CACHE_MS and shared by concurrent callers.
 *
 * @example
 * const { status, checks } = await checkDependencies(ctx); // { status: 'ok', checks: { database: 'ok' } }
 */
export const checkDependencies: (ctx: AppContext) => Promise<DependencyReport> = cachedPerContext(CACHE_MS, probeAll);

async function probeAll(ctx: AppContext): Promise<DependencyReport> {
  const redis = ctx.redis;
  const [database, redisState] = await Promise.all([
    probe(() => ctx.db.$queryRawUnsafe('SELECT 1')),
    redis ? probe(() => redis.sendCommand(['PING'])) : undefined,
  ]);
  const checks: DependencyReport['checks'] = redisState ? { database, redis: redisState } : { database };
  const status = Object.values(checks).every((state) => state === 'ok') ? 'ok' : 'unavailable';
  if (status !== (lastStatus.get(ctx) ?? 'ok')) {
    if (status === 'ok') ctx.log.info({ checks }, 'Dependencies reachable again');
    else ctx.log.warn({ checks }, 'Dependency unreachable: /api/health answers 503');
  }
  lastStatus.set(ctx, status);
  return { status, checks };
}

async function probe(call: () => Promise<unknown>): Promise<DependencyState> {
  try {
    await withProbeTimeout(call);
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

/**
 * `call()`'s result, or a rejection once PROBE_TIMEOUT_MS (2 s) have passed without one: a health probe
 * on a hung connection must not hang the check.
 *
 * @throws what `call` throws, or Error "probe timed out"
 */
export async function withProbeTimeout<T>(call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
