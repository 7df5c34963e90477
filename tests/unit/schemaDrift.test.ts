/**
 * Guards the two derived artefacts of prisma/schema.prisma: the PostgreSQL schema variant and the
 * migrations. Fix a failure with `npm run db:sync-schema` or `npm run db:migrate -- --name <change>`.
 */
import { describe, expect, it } from 'vitest';
import { checkSchemaSync } from '../../scripts/db/syncSchema.ts';
import { diffMigrationsToSchema } from '../../scripts/db/diff.ts';

describe('schema drift', () => {
  it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma', () => {
    const status = checkSchemaSync();
    expect(status.inSync, `run npm run db:sync-schema\n${status.details}`).toBe(true);
  });

  it('sqlite migrations produce exactly the current schema', async () => {
    // WASM schema engine replays the migrations on an in-memory shadow database (~0.2 s).
    const sql = await diffMigrationsToSchema('sqlite');
    expect(sql, `missing migration; run npm run db:migrate -- --name <change>:\n${sql}`).toBeNull();
  });
});
