import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../server/config.js';
import { hashPassword } from '../../server/services/auth/passwords.js';
import type { AuthConfig } from '../../shared/schemas/auth.js';
import { captureLogs } from '../helpers/logCapture.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

/** HOST unset (an empty variable counts as unset), on the data directory of a first development run. */
const restart = (dataDir: string, env: Record<string, string>, log = captureLogs('warn')) =>
  getTestServer({ HOST: '', DATA_DIR: dataDir, ...env }, { log: log.log });

const boundTo = (server: TestServer) => (server.httpServer.address() as AddressInfo).address;

async function signIn(url: string, email: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

const demoHint = async (url: string, headers: Record<string, string> = {}) =>
  ((await (await fetch(`${url}/api/auth/config`, { headers })).json()) as AuthConfig).demoAccounts;

describe('demo accounts left by a development run (restarts on the same DATA_DIR)', () => {
  let dataDir: string;
  beforeAll(async () => {
    const first = await getTestServer({ HOST: '' });
    expect(boundTo(first)).toBe('127.0.0.1'); // seeded: loopback, as documented
    dataDir = first.dataDir;
    await first.close(); // keeps the data directory
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('SEED_DEMO=false without HOST: listens on loopback only and warns how to fix it', async () => {
    const logs = captureLogs('warn');
    const server = await restart(dataDir, { SEED_DEMO: 'false' }, logs);
    try {
      expect(boundTo(server)).toBe('127.0.0.1');
      const warning = logs.entries.find((e) => e.level === 40 && e.msg.includes('published password'));
      expect(warning?.msg).toContain('admin@example.com, alice@example.com, bob@example.com');
      expect(warning?.msg).toContain('--reissue');
      expect(warning?.msg).not.toContain('SEED_DEMO');
      expect(await demoHint(server.url)).toBeNull(); // seeding is off: no hint, whatever the database holds
    } finally {
      await server.close();
    }
  });

  it('NODE_ENV=production with HOST=0.0.0.0: refuses to start', async () => {
    const start = restart(dataDir, { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), HOST: '0.0.0.0' });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/Refusing to start/);
  });

  it('NODE_ENV=production without HOST: loopback only, with the warning', async () => {
    const logs = captureLogs('warn');
    const server = await restart(dataDir, { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, logs);
    try {
      expect(boundTo(server)).toBe('127.0.0.1');
      expect(logs.entries.some((e) => e.level === 40 && e.msg.includes('listening on 127.0.0.1 only'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('behind a proxy on the same machine (TRUST_PROXY), a remote client can neither use nor see the published password', async () => {
    // Loopback binding protects nothing here: nginx on this host forwards everyone. Review 2, finding 1.
    const remote = { 'x-forwarded-for': '203.0.113.9' };
    // Trusted or not (TRUST_PROXY unset: Express ignores the header, req.ip is the proxy's loopback address).
    const envs: Array<Record<string, string>> = [
      { TRUST_PROXY: 'loopback' },
      { TRUST_PROXY: 'loopback', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) },
      {},
    ];
    for (const env of envs) {
      const server = await restart(dataDir, env);
      try {
        expect(boundTo(server)).toBe('127.0.0.1');
        expect(await signIn(server.url, 'admin@example.com', 'flashnotify', remote)).toBe(403);
        expect(await signIn(server.url, 'admin@example.com', 'flashnotify')).toBe(200); // from this machine
        expect(await demoHint(server.url, remote)).toBeNull();
      } finally {
        await server.close();
      }
    }
    const refused = await restart(dataDir, { TRUST_PROXY: 'loopback' });
    try {
      const res = await fetch(`${refused.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...remote },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'flashnotify' }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('published_password_refused');
      expect((await demoHint(refused.url))?.length).toBe(3); // this machine still gets the hint
    } finally {
      await refused.close();
    }
  });

  it('the sign-in hint lists only the accounts whose password is still the published one', async () => {
    const server = await restart(dataDir, {});
    try {
      await server.ctx.db.user.update({ where: { email: 'admin@example.com' }, data: { passwordHash: await hashPassword('a private passphrase') } });
      expect((await demoHint(server.url))?.map((a) => a.email)).toEqual(['alice@example.com', 'bob@example.com']);
      expect(await signIn(server.url, 'admin@example.com', 'flashnotify')).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('once every demo account has a password of its own: all interfaces, no warning, no hint', async () => {
    const server = await restart(dataDir, {});
    const passwordHash = await hashPassword('a private passphrase');
    await server.ctx.db.user.updateMany({ where: { email: { in: ['alice@example.com', 'bob@example.com'] } }, data: { passwordHash } });
    expect(await demoHint(server.url)).toBeNull();
    await server.close();

    const logs = captureLogs('warn');
    const again = await restart(dataDir, { SEED_DEMO: 'false' }, logs);
    try {
      expect(boundTo(again)).toBe('0.0.0.0');
      expect(logs.entries.filter((e) => e.msg.includes('published password'))).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
