/**
 * `npm run db:deploy`: applies pending migrations to DATABASE_URL (default file:./data/flashnotify.db),
 * with the same code the server runs at start-up.
 */
import { migrateDatabase } from '../../server/db/migrate.ts';

const url = process.env.DATABASE_URL ?? 'file:./data/flashnotify.db';
try {
  const { applied } = await migrateDatabase(url, { log: (m) => console.log(m) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
