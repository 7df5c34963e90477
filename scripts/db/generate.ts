/**
 * `npm run db:generate`: syncs the derived PostgreSQL schema, then generates both Prisma clients
 * (server/generated/sqlite and server/generated/postgres).
 *
 * The env is set here rather than in package.json so it works on every OS: prisma generate tries to
 * fetch a schema-engine binary at start-up (no network here) unless PRISMA_SCHEMA_ENGINE_BINARY is set,
 * and its update check would wait on the closed network unless CHECKPOINT_DISABLE=1.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { paths } from './paths.ts';
import { writeDerivedSchema } from './syncSchema.ts';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? (process.platform === 'win32' ? 'NUL' : '/bin/false'),
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

function generate(schema: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'generate', '--schema', schema], {
      cwd: paths.repoRoot,
      env,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma generate --schema ${schema} exited with ${code}`))));
  });
}

if (writeDerivedSchema()) console.log('db:generate: prisma/postgres/schema.prisma was stale and has been rewritten');
// Sequential: two CLI processes at once would compete for the 2 cores and print interleaved output.
await generate(paths.sqliteSchema);
await generate(paths.postgresSchema);
