import { execFile } from 'node:child_process';
import { copyFile, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';

// Issue 12 §5: production runs the compiled build with production dependencies only — what the Dockerfile
// does with `npm ci && npm run build && npm prune --omit=dev`, then `npm run serve`. Here, without the network
// or a second install: a copy of the package whose node_modules holds exactly the packages `npm ls --omit=dev`
// names (hard links into the repository's), the server compiled into it, started as `npm run serve` starts it
// (plain node, NODE_ENV=production). A runtime import of a dev-only package (tsx, vite, a test helper) fails here.

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let packageDir: string;
let server: ChildServer;
let url: string;
let dataDir: string;
const SESSION_SECRET = 'production-install-test-secret-0123456789abcdef';

/** Hard-links `from` into `to`, except nested node_modules (npm ls lists the nested production packages on their own). */
async function linkPackage(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkPackage(source, target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
  }
}

beforeAll(async () => {
  packageDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-production-'));
  // The package's files as a clone has them (tracked, and new files not ignored).
  const { stdout: files } = await run('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  for (const file of files.split('\0').filter(Boolean)) {
    await mkdir(path.dirname(path.join(packageDir, file)), { recursive: true });
    await copyFile(path.join(repoRoot, file), path.join(packageDir, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err; // deleted in the working tree, not yet committed
    });
  }
  const { stdout: installed } = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  const packages = installed.split('\n').filter((dir) => dir.startsWith(path.join(repoRoot, 'node_modules')));
  for (const dir of packages) await linkPackage(dir, path.join(packageDir, path.relative(repoRoot, dir)));
  await run(process.execPath, ['scripts/build.mjs', 'server', '--outdir', path.join(packageDir, 'dist', 'server')], { cwd: repoRoot });

  dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-production-data-'));
  server = spawnServer(
    { NODE_ENV: 'production', SESSION_SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    { entry: path.join(packageDir, 'dist', 'server', 'index.js'), cwd: packageDir },
  );
  url = await server.listening;
}, 300_000);
afterAll(async () => {
  await server?.stop();
  for (const dir of [packageDir, dataDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a production install (compiled build, production dependencies only)', () => {
  it('has none of the development tools', () => {
    const resolve = createRequire(path.join(packageDir, 'package.json')).resolve;
    for (const tool of ['tsx', 'vite', 'vitest', 'esbuild', '@playwright/test']) expect(() => resolve(tool), tool).toThrow();
    expect(resolve('express')).toContain(packageDir);
  });

  it('installs: postinstall, which generates the Prisma clients for the sources, does nothing without the dev tools', async () => {
    const { stdout } = await run(process.execPath, ['scripts/postinstall.mjs'], { cwd: packageDir });
    expect(stdout).toMatch(/production install/);
  });

  it('starts on a new database and is ready: migrations applied, loops running', async () => {
    const ready = await fetch(`${url}/api/health/ready`);
    expect(ready.status, await ready.clone().text()).toBe(200);
    expect(server.logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^applied migration /)]));
  });

  it('creates the first admin with the compiled CLI (no tsx), who can then sign in', async () => {
    const env = { ...process.env, NODE_ENV: 'production', SESSION_SECRET, DATA_DIR: dataDir, PUBLIC_URL: url, LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, [path.join(packageDir, 'dist/server/cli/createUser.js'), '--email', 'ops@example.com', '--role', 'admin'], {
      cwd: packageDir,
      env,
    });
    const token = /\/set-password#token=(\S+)/.exec(stdout)?.[1];
    expect(token, stdout).toBeDefined();
    const password = 'a production password of some length';
    const set = await fetch(`${url}/api/auth/set-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) });
    expect(set.status).toBe(200);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@example.com', password }) });
    expect(login.status).toBe(200);
  });

  it('takes a notification from a service and serves the inbox API and its documents', async () => {
    const sent = await sendNotification(url, { to: [{ email: 'nobody@example.com' }], title: 'Hello from production' });
    // No demo accounts in production: the recipient is unknown, and the API says so with a 4xx naming it.
    expect(sent.status).toBe(422);
    const docs = await fetch(`${url}/api/openapi.json`);
    expect(docs.status).toBe(200);
  });
});
