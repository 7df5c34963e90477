import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';
import { TEST_API_KEY } from '../helpers/testServer.js';

// `npm start` runs the compiled server (scripts/build.mjs → dist/server/index.js), while every other test
// runs the sources through tsx. This one builds the server the same way (into its own directory inside
// the package, so node_modules and the package's files resolve as from dist/server) and runs it, so a
// build that no longer starts, or a file the bundle cannot find at run time, fails here.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outdir = path.join(repoRoot, 'dist', 'test-builds', `server-${process.pid}`);
let server: ChildServer;
let url: string;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', 'server', '--outdir', outdir], { cwd: repoRoot });
  server = spawnServer({}, { entry: path.join(outdir, 'index.js') });
  url = await server.listening;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(outdir, { recursive: true, force: true });
});

describe('the compiled server build', () => {
  it('starts on a new database (migrations applied, demo data seeded) and answers /api/health', async () => {
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
    expect(server.logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^applied migration /), expect.stringMatching(/^Seeded demo accounts/)]));
  });

  it('finds the files it reads at run time: the API docs page, Swagger UI, the email templates', async () => {
    const page = await fetch(`${url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    expect((await fetch(`${url}/api/docs/swagger-ui.css`)).status).toBe(200);
    expect((await fetch(`${url}/api/openapi.json`)).status).toBe(200);
    // The email templates are compiled at start: the server would not be listening without them.
    expect(server.logs.filter((entry) => entry.level >= 50)).toEqual([]);
  });

  it('takes a notification over the API', async () => {
    const sent = await sendNotification(url, { to: [{ email: 'alice@example.com' }], title: 'From the build' });
    expect(sent.status).toBe(202);
    expect(sent.body.notificationIds).toHaveLength(1);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});

describe('the client build', () => {
  // Vite builds React's development bundle when NODE_ENV is not "production": `NODE_ENV=test npm start`
  // (this suite's own environment) once served StrictMode's doubled effects, two sockets per tab.
  it('is a production build whatever NODE_ENV it runs under', { timeout: 120_000 }, async () => {
    const clientOut = path.join(repoRoot, 'dist', 'test-builds', `client-${process.pid}`);
    try {
      await promisify(execFile)(process.execPath, ['scripts/build.mjs', 'client', '--outdir', clientOut], {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: 'development' },
      });
      const scripts = (await readdir(path.join(clientOut, 'assets'))).filter((name) => name.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const name of scripts) {
        const code = await readFile(path.join(clientOut, 'assets', name), 'utf8');
        // Printed by React's development build only.
        expect(code, name).not.toContain('Download the React DevTools');
      }
    } finally {
      await rm(clientOut, { recursive: true, force: true });
    }
  });
});

describe('npm start', () => {
  // A supervisor stops the service by signalling the process it started: npm. npm passes the signal to the
  // shell running the script, which must be the server itself (`exec`), or the server would go on running
  // (and holding the port) after npm has exited, and the restart would fail with EADDRINUSE.
  it('builds what is missing, serves, and hands a SIGTERM sent to npm to the server, which shuts down', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-npm-start-'));
    const npm = spawn('npm', ['start'], {
      cwd: repoRoot,
      // A process group of its own, so the clean-up below can reach a server that outlived npm.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', BOOTSTRAP_API_KEY: TEST_API_KEY },
    });
    try {
      let output = '';
      const listening = new Promise<string>((resolve, reject) => {
        npm.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (found) resolve(found.replace('localhost', '127.0.0.1'));
        });
        npm.stderr.resume();
        npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
      });
      const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      const base = await listening;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);

      npm.kill('SIGTERM'); // npm alone, as a supervisor would
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM received: closing connections');
      await expect(fetch(`${base}/api/health`)).rejects.toThrow(); // nothing listens any more
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // The group is gone: everything exited.
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
