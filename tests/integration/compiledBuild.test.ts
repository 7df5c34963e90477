import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';

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
