import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyDto } from '../../shared/schemas/directory.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;
let server: TestServer | undefined;

/** Runs `npx tsx scripts/createApiKey.ts …` as an operator would, against `dataDir`. */
function runCli(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extraEnv };
  delete env.DATABASE_URL; // the CLI must find the database through DATA_DIR, like the server below
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/createApiKey.ts', ...args], { cwd: repoRoot, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const notify = (secret: string) => sendNotification(server!.url, { to: [{ email: 'alice@example.com' }] }, secret);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-cli-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run apikey:create', () => {
  let secret: string;

  it('a DATA_DIR it cannot create fails in one line naming it, like the server (it used to print a stack trace)', async () => {
    const res = await runCli(['--name', 'x', '--scopes', 'notifications:write'], { DATA_DIR: '/proc/flashnotify-cli' });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('DATA_DIR: cannot write to /proc/flashnotify-cli: ENOENT (the file system there does not allow creating it)\n');
  });

  it('creates a key in a fresh data directory and prints only its secret on stdout', async () => {
    const res = await runCli(['--name', 'x', '--scopes', 'notifications:write']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^fn_[A-Za-z0-9_-]{40,}\n$/);
    secret = res.stdout.trim();
    expect(res.stderr).toContain('shown only this once');
  });

  it('prints a secret that a server on the same DATA_DIR accepts', async () => {
    server = await getTestServer({ DATA_DIR: dataDir });
    // Sends default to `general`; make sure it exists whatever the start-up seeding does.
    await server.ctx.db.category.upsert({ where: { key: 'general' }, update: {}, create: { key: 'general', label: 'General' } });
    expect((await notify(secret)).status).toBe(202);

    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const keys = (await admin.get<{ items: ApiKeyDto[] }>('/api/admin/api-keys')).body.items;
    expect(keys.find((k) => k.prefix === secret.slice(0, 10))).toMatchObject({ name: 'x', scopes: ['notifications:write'], createdBy: null });
  });

  it('works beside a running server, and the scopes it grants are enforced', async () => {
    const res = await runCli(['--name', 'Directory sync', '--scopes', 'users:write']);
    expect(res.code, res.stderr).toBe(0);
    expect((await notify(res.stdout.trim())).status).toBe(403);
  });

  it.each([
    [['--name', 'x', '--scopes', 'notifications:read'], '--scopes'],
    [['--name', 'x'], '--scopes'],
    [['--scopes', 'users:write'], '--name'],
    [['--name', 'x', '--scopes', 'users:write', '--admin'], "'--admin'"],
  ])('refuses %j without creating a key', async (args, mention) => {
    const before = await server!.ctx.db.apiKey.count();
    const res = await runCli(args);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(mention);
    expect(await server!.ctx.db.apiKey.count()).toBe(before);
  });
});
