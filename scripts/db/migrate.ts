/**
 * `npm run db:migrate -- --name <name> [--pg-url <url>]`: creates the next migration for BOTH providers,
 * like `prisma migrate dev --create-only` would (which cannot run here: no schema-engine binary).
 *
 * For each provider the WASM schema engine diffs "what the existing migrations produce" (replayed on a
 * shadow database) against the current schema, and the SQL is written to
 * prisma/migrations/{sqlite,postgres}/<timestamp>_<name>/migration.sql. SQLite's shadow database is in
 * memory; PostgreSQL's is created on the server given by --pg-url / SHADOW_DATABASE_URL, or on a
 * throwaway PostgreSQL started for the occasion. Apply them with `npm run db:deploy`.
 */
import { parseArgs } from 'node:util';
import { paths } from './paths.ts';
import { writeMigration } from './migrationsDir.ts';
import { diffMigrationsToSchema, type DiffProvider } from './diff.ts';
import { writeDerivedSchema } from './syncSchema.ts';

/** Prisma's migration folder timestamp: UTC YYYYMMDDHHMMSS. */
function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Prisma's name normalization: lowercase words joined by underscores. */
function slug(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: 'string', short: 'n' }, 'pg-url': { type: 'string' } },
  });
  const name = slug(values.name ?? '');
  if (!name) {
    console.error('usage: npm run db:migrate -- --name <migration_name> [--pg-url postgres://…]');
    return 2;
  }
  if (writeDerivedSchema()) console.log('prisma/postgres/schema.prisma was stale: rewritten from prisma/schema.prisma');

  let stopPg: (() => Promise<void>) | undefined;
  let pgUrl = values['pg-url'] ?? process.env.SHADOW_DATABASE_URL;
  try {
    if (!pgUrl) {
      console.log('No --pg-url / SHADOW_DATABASE_URL: starting a throwaway PostgreSQL for the shadow database…');
      const { startPostgres } = await import('../../tests/helpers/postgres.ts');
      const pgServer = await startPostgres();
      pgUrl = pgServer.url;
      stopPg = pgServer.stop;
    }
    const dirName = `${timestamp()}_${name}`;
    const targets: [DiffProvider, string][] = [
      ['sqlite', paths.migrations.sqlite],
      ['postgresql', paths.migrations.postgresql],
    ];
    let wrote = 0;
    for (const [provider, dir] of targets) {
      const sql = await diffMigrationsToSchema(provider, { pgUrl });
      if (sql === null) {
        console.log(`${provider}: no changes`);
        continue;
      }
      console.log(`${provider}: wrote ${writeMigration(dir, dirName, sql, provider)}`);
      wrote++;
    }
    if (wrote === 0) console.log('no changes: the migrations already match prisma/schema.prisma');
    return 0;
  } finally {
    await stopPg?.();
  }
}

// The schema engine leaves timers armed: exit explicitly.
main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
