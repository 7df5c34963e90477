/**
 * `npm run db:status`: like `prisma migrate status` for the server's database (DATABASE_URL, else
 * `$DATA_DIR/flashnotify.db`: the same environment as the server, read by the same loadConfig).
 * Exits 1 when migrations are pending or failed, 0 when the database is up to date.
 */
import { loadConfig } from '../../server/config.ts';
import { migrationStatus } from '../../server/db/migrate.ts';

try {
  const url = loadConfig().databaseUrl;
  const s = await migrationStatus(url);
  console.log(`${s.provider} database: ${s.applied.length} migration(s) applied`);
  for (const n of s.pending) console.log(`  pending:  ${n}`);
  for (const f of s.failed) console.log(`  FAILED:   ${f.name}${f.logs ? ` (${f.logs.split('\n')[0]})` : ''}`);
  for (const n of s.modified) console.log(`  modified after apply: ${n}`);
  for (const n of s.missingLocally) console.log(`  applied but missing locally: ${n}`);
  const ok = s.pending.length === 0 && s.failed.length === 0;
  console.log(ok ? 'Database schema is up to date!' : 'Run `npm run db:deploy` (or fix the failed migration).');
  process.exitCode = ok ? 0 : 1;
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
