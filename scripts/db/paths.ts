/** Absolute paths of the database tooling, resolved from this file so the cwd does not matter. */
import { fileURLToPath } from 'node:url';

const at = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export const paths = {
  repoRoot: at('../../'),
  sqliteSchema: at('../../prisma/schema.prisma'),
  postgresSchema: at('../../prisma/postgres/schema.prisma'),
  /** Migrations per provider: `prisma/migrations/<provider>/<timestamp>_<name>/migration.sql`. */
  migrations: {
    sqlite: at('../../prisma/migrations/sqlite'),
    postgresql: at('../../prisma/migrations/postgres'),
  },
} as const;
