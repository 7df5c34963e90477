import type { AppContext } from '../../context.js';
import { checkDependencies } from './checkDependencies.js';
import { checkMigrations } from './checkMigrations.js';
import { decideReadiness, type ReadinessReport } from './decideReadiness.js';

/**
 * Gathers what readiness depends on, each bounded in time (2 s) and cached for 1 s (the database and
 * Redis probes, the migrations read; heartbeats and the shutdown flag are read live), and decides
 * (decideReadiness).
 *
 * @example
 * const report = await checkReadiness(ctx); // { status: 'ready', checks: { database: 'ok', … }, loops: { … } }
 */
export async function checkReadiness(ctx: AppContext): Promise<ReadinessReport> {
  const [dependencies, migrations] = await Promise.all([checkDependencies(ctx), checkMigrations(ctx)]);
  return decideReadiness({
    dependencies,
    migrations,
    beats: ctx.runState.beats(),
    shuttingDown: ctx.runState.shutdownStartedAt !== null,
    now: Date.now(),
  });
}
