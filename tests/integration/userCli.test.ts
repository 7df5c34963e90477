import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/httpClient.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 8 item 14: `npm run user:create` gives a production install its first user who can sign in.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PUBLIC_URL = 'https://notify.example.test';

/** Runs `tsx scripts/createUser.ts …` (what `npm run user:create` runs) as an operator would, with the server's environment. */
function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL, ...env };
  if (!env.DATABASE_URL) delete full.DATABASE_URL; // the CLI must find the database through DATA_DIR, like the server
  return new Promise((resolve) => {
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    execFile(tsx, ['scripts/createUser.ts', ...args], { cwd: repoRoot, env: full, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The link's token: the fragment of the one line on stdout. */
function tokenOf(stdout: string): string {
  const match = new RegExp(`^${PUBLIC_URL}/set-password#token=([\\w-]+\\.[\\w-]+)\\n$`).exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match![1]!;
}

const setPassword = (server: TestServer, token: string, password: string) =>
  new HttpClient(server.url).request('POST', '/api/auth/set-password', { token, password });

/** The whole story on one database: create, set the password, sign in; refuse a second create; reissue. */
function describeCli(
  dialect: string,
  setup: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>,
  { argumentChecks }: { argumentChecks: boolean },
) {
  // Each case starts a CLI process (and migrates): slow on a busy machine, hence the long timeouts.
  describe(`npm run user:create (${dialect})`, { timeout: 180_000 }, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    let server: TestServer | undefined;

    beforeAll(async () => {
      ({ env, cleanup } = await setup());
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await cleanup?.();
    });

    it('creates an admin on a fresh install and prints a one-time link that sets the password', async () => {
      const res = await runCli(env, ['--email', 'Ops@Example.com', '--role', 'admin', '--name', 'Ops Team']);
      expect(res.code, res.stderr).toBe(0);
      const token = tokenOf(res.stdout);
      expect(res.stderr).toContain('Created admin ops@example.com');
      expect(res.stderr).toMatch(/works once/);

      // A production-like server on the same database and secret, without demo accounts.
      server = await getTestServer({ ...env, SEED_DEMO: 'false' });
      expect(await server.ctx.db.user.count()).toBe(1);
      expect((await setPassword(server, token, 'a long first password')).status).toBe(200);
      const session = await new HttpClient(server.url).login('ops@example.com', 'a long first password');
      expect(session.user).toMatchObject({ email: 'ops@example.com', name: 'Ops Team', role: 'admin' });
      expect((await setPassword(server, token, 'a long second password')).status).toBe(410);
    });

    it('refuses an email that exists, changing nothing', async () => {
      const before = await server!.ctx.db.user.findUniqueOrThrow({ where: { email: 'ops@example.com' } });
      const res = await runCli(env, ['--email', 'OPS@example.com', '--role', 'user']);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain('A user with the email ops@example.com already exists. Nothing was changed.');
      expect(res.stderr).toContain('--reissue');
      expect(await server!.ctx.db.user.findUniqueOrThrow({ where: { email: 'ops@example.com' } })).toEqual(before);
    });

    it('--reissue prints a new link for an existing user; setting the password with it ends the old link', async () => {
      const res = await runCli(env, ['--email', 'ops@example.com', '--reissue']);
      expect(res.code, res.stderr).toBe(0);
      const token = tokenOf(res.stdout);
      const again = tokenOf((await runCli(env, ['--email', 'ops@example.com', '--reissue'])).stdout);

      expect((await setPassword(server!, token, 'a long third password')).status).toBe(200);
      await new HttpClient(server!.url).login('ops@example.com', 'a long third password');
      expect((await setPassword(server!, again, 'a long fourth password')).status).toBe(410);
    });

    // Argument checks happen before any database is opened: one dialect is enough for them.
    const argumentCases: Array<[string[], string[]]> = [
      [['--role', 'admin'], ['--email: Invalid email address']],
      [['--email', 'not-an-email', '--role', 'root'], ['--email: Invalid email address', '--role: Invalid option']],
      [['--email', 'a@example.com', '--password', 'x'], ["'--password'", 'Usage: npm run user:create']],
      [['--email', 'ops@example.com', '--reissue', '--role', 'user'], ['--role: not allowed with --reissue']],
    ];
    it.each([
      [['--email', 'nobody@example.com', '--reissue'], ['No user with the email nobody@example.com']] as [string[], string[]],
      ...(argumentChecks ? argumentCases : []),
    ])('refuses %j without creating anyone', async (args, mentions) => {
      const before = await server!.ctx.db.user.count();
      const res = await runCli(env, args);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      for (const mention of mentions) expect(res.stderr).toContain(mention);
      expect(await server!.ctx.db.user.count()).toBe(before);
    });
  });
}

describeCli('SQLite through DATA_DIR', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-usercli-'));
  // No SESSION_SECRET: CLI and server share the one generated into DATA_DIR.
  return { env: { DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}, { argumentChecks: true });

describeCli('PostgreSQL through DATABASE_URL', async () => {
  const postgres: StartedPostgres = await startPostgres();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-usercli-pg-'));
  return {
    env: { DATABASE_URL: postgres.url, SESSION_SECRET: 'a-production-like-secret-of-32-chars-or-more', DATA_DIR: dataDir },
    cleanup: async () => {
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}, { argumentChecks: false });
