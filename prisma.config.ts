/**
 * Prisma CLI configuration (Prisma 7 reads the datasource URL and paths from here, not from the schema).
 *
 * The default schema is the SQLite source of truth; the PostgreSQL variant is used with
 * `--schema prisma/postgres/schema.prisma` (see scripts/db/generate.ts). Migrations are NOT run through
 * the Prisma CLI here (it needs a schema-engine binary that cannot be downloaded): use
 * `npm run db:migrate|db:deploy|db:status`, which drive @prisma/schema-engine-wasm / server/db/migrate.ts.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations/sqlite' },
  // Only for CLI commands that need a live database; `prisma generate` does not.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
