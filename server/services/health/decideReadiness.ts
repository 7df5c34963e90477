import type { LoopBeat, LoopName } from '../../runState.js';
import type { DependencyReport, DependencyState } from './checkDependencies.js';

/** Whether the migrations this code knows are all applied: `pending` (some not), `failed` (one started and never finished). */
export type MigrationState = 'ok' | 'pending' | 'failed' | 'unavailable';

/** A loop is stale after this many of its intervals without a finished turn… */
const STALE_INTERVALS = 5;
/** …and never sooner than this: a turn may legitimately take a while (a big scheduled broadcast, a digest run). */
const STALE_FLOOR_MS = 30_000;

/** What `GET /api/health/ready` answers (200 when `status` is `ready`, else 503). */
export interface ReadinessReport {
  status: 'ready' | 'unready';
  checks: {
    database: DependencyState;
    redis?: DependencyState;
    migrations: MigrationState;
    /** `stale` when any loop readiness watches has not finished a turn for too long (see `loops`). */
    loops: 'ok' | 'stale';
    /** `in_progress` from the moment a graceful shutdown begins. */
    shutdown: 'no' | 'in_progress';
  };
  /**
   * Each background loop: seconds since its last finished turn, and whether that is too long (housekeeping
   * and analytics are listed but never make the node unready).
   */
  loops: Partial<Record<LoopName, { ageSeconds: number; stale: boolean }>>;
}

/** What readiness is decided from. */
export interface ReadinessInputs {
  dependencies: DependencyReport;
  migrations: MigrationState;
  beats: readonly LoopBeat[];
  shuttingDown: boolean;
  /** Epoch ms. */
  now: number;
}

/** Whether a loop that should turn every `intervalMs` and last did `ageMs` ago counts as stuck. */
export function isLoopStale(intervalMs: number, ageMs: number): boolean {
  return ageMs > Math.max(STALE_INTERVALS * intervalMs, STALE_FLOOR_MS);
}

/**
 * The one place readiness is decided: ready only while the database (and Redis, when configured) answer,
 * every migration this code knows is applied, every loop readiness watches keeps turning, and no shutdown has
 * begun. Pure: the inputs are gathered by checkReadiness.
 *
 * @example
 * decideReadiness({ dependencies, migrations: 'ok', beats: [], shuttingDown: true, now: Date.now() }).status; // 'unready'
 */
export function decideReadiness({ dependencies, migrations, beats, shuttingDown, now }: ReadinessInputs): ReadinessReport {
  const loops: ReadinessReport['loops'] = {};
  let anyStale = false;
  for (const beat of beats) {
    const ageMs = Math.max(0, now - beat.lastBeatAt);
    const stale = isLoopStale(beat.intervalMs, ageMs);
    loops[beat.loop] = { ageSeconds: Math.round(ageMs) / 1000, stale };
    anyStale ||= stale && beat.watchedByReadiness;
  }
  const checks: ReadinessReport['checks'] = {
    ...dependencies.checks,
    migrations,
    loops: anyStale ? 'stale' : 'ok',
    shutdown: shuttingDown ? 'in_progress' : 'no',
  };
  const ready = dependencies.status === 'ok' && migrations === 'ok' && !anyStale && !shuttingDown;
  return { status: ready ? 'ready' : 'unready', checks, loops };
}
