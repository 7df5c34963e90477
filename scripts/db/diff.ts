/**
 * "What SQL would bring the existing migrations up to the current schema?" via the WASM schema engine.
 * Used by `db:migrate` (to write the next migration) and by the drift test (which expects no SQL).
 */
import { readFileSync } from 'node:fs';
import { EXTERNAL_TABLES } from './externalTables.ts';
import { paths } from './paths.ts';
import { listMigrationNames, loadMigrationList } from './migrationsDir.ts';
import { createSchemaEngine, postgresMigrationFactory, sqliteMigrationFactory } from './schemaEngine.ts';

export type DiffProvider = 'sqlite' | 'postgresql';

/**
 * Hand-made tables Prisma does not model (see externalTables.ts): never dropped by a diff. PostgreSQL wants
 * them schema-qualified (and has none of them: its search index is an expression index).
 */
const FILTERS: Record<DiffProvider, { externalTables: string[]; externalEnums: string[] }> = {
  sqlite: { externalTables: [...EXTERNAL_TABLES], externalEnums: [] },
  postgresql: { externalTables: [], externalEnums: [] },
};

/**
 * Returns the migration SQL from `prisma/migrations/<provider>` to the provider's schema, or null when
 * they already match. PostgreSQL needs `pgUrl`, a server where a shadow database can be created
 * (and dropped afterwards).
 */
export async function diffMigrationsToSchema(provider: DiffProvider, opts: { pgUrl?: string } = {}): Promise<string | null> {
  const schemaPath = provider === 'sqlite' ? paths.sqliteSchema : paths.postgresSchema;
  const schema = readFileSync(schemaPath, 'utf8');
  const migrationsDir = paths.migrations[provider];
  let factory;
  if (provider === 'sqlite') {
    factory = sqliteMigrationFactory(':memory:');
  } else {
    if (!opts.pgUrl) throw new Error('diffMigrationsToSchema(postgresql) needs a PostgreSQL server URL for the shadow database');
    factory = postgresMigrationFactory(opts.pgUrl);
  }
  const engine = await createSchemaEngine(factory, [[schemaPath, schema]]);
  try {
    const from =
      listMigrationNames(migrationsDir).length === 0
        ? ({ tag: 'empty' } as const)
        : ({ tag: 'migrations', ...loadMigrationList(migrationsDir, provider) } as const);
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true, // exitCode 2 = non-empty diff
      filters: FILTERS[provider],
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : null;
  } finally {
    engine.free();
  }
}
