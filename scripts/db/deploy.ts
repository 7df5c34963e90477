/**
 * `npm run db:deploy`: applies pending migrations to the server's database (DATABASE_URL, else
 * `$DATA_DIR/flashnotify.db`: the same environment as the server, read by the same loadConfig),
 * with the same code the server runs at start-up.
 */
import { loadConfig } from '../../server/config.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';

try {
  const url = loadConfig().databaseUrl;
  const { applied } = await migrateDatabase(url, { log: (m) => console.log(m) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
