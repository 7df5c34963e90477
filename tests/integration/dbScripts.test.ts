import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run db:deploy` / `db:status` act on the server's database: DATABASE_URL, else the SQLite file in
// DATA_DIR (they used to ignore DATA_DIR and look at ./data, reporting a migrated database as pending).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  delete full.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(path.join(repoRoot, 'node_modules/.bin/tsx'), [script], { cwd: repoRoot, env: full, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('db:deploy and db:status use DATA_DIR like the server', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-dbscripts-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('deploys into $DATA_DIR/flashnotify.db, then reports it up to date', async () => {
    const deploy = await run('scripts/db/deploy.ts', { DATA_DIR: dataDir });
    expect(deploy.code, deploy.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'flashnotify.db'))).toBe(true);

    const status = await run('scripts/db/status.ts', { DATA_DIR: dataDir });
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.stdout).not.toContain('pending');
  });
});
