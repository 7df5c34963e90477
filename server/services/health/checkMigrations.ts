import type { AppContext } from '../../context.js';
import { providerOf, readLocalMigrations } from '../../db/migrate.js';
import type { MigrationState } from './decideReadiness.js';
import { withProbeTimeout } from './checkDependencies.js';
import { cachedPerContext } from './cachedPerContext.js';

/** Like the dependency probes: probes from several load balancers cost one small read per second. */
const CACHE_MS = 1_000;

/** The migrations this code ships, by database URL (read from disk once per process). */
const localNames = new Map<string, readonly string[]>();

interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * Whether every migration in this code's migrations folder is recorded as applied in `_prisma_migrations`
 * (and none is left started-but-unfinished), from one small read, cached for CACHE_MS. A database newer
 * than the code (migrations it does not know, during a rolling deploy) counts as `ok`; one restored from an
 * older backup, or whose migration failed on another node, does not. `unavailable` when the read fails.
 *
 * @example
 * await checkMigrations(ctx); // 'ok'
 */
export const checkMigrations: (ctx: AppContext) => Promise<MigrationState> = cachedPerContext(CACHE_MS, readMigrationState);

async function readMigrationState(ctx: AppContext): Promise<MigrationState> {
  const url = ctx.config.databaseUrl;
  let local = localNames.get(url);
  if (!local) localNames.set(url, (local = readLocalMigrations(providerOf(url)).map((m) => m.name)));
  let rows: MigrationRow[];
  try {
    rows = await withProbeTimeout(() =>
      ctx.db.$queryRawUnsafe<MigrationRow[]>('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"'),
    );
  } catch {
    return 'unavailable';
  }
  const live = rows.filter((row) => row.rolled_back_at == null);
  if (live.some((row) => row.finished_at == null)) return 'failed';
  const applied = new Set(live.map((row) => row.migration_name));
  return local.every((name) => applied.has(name)) ? 'ok' : 'pending';
}
