import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../shared/schemas/auth.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

/** The public sign-in config, fetched like the login page does: no cookie, no CSRF token. */
async function authConfig(url: string): Promise<{ status: number; body: AuthConfig; setCookie: string[] }> {
  const res = await fetch(`${url}/api/auth/config`);
  return { status: res.status, body: (await res.json()) as AuthConfig, setCookie: res.headers.getSetCookie() };
}

describe('GET /api/auth/config', () => {
  let seeded: TestServer;
  beforeAll(async () => {
    seeded = await getTestServer();
  });
  afterAll(() => seeded.stop());

  it('lists the seeded demo accounts with their password, without a session and without setting one', async () => {
    const { status, body, setCookie } = await authConfig(seeded.url);
    expect(status).toBe(200);
    expect(setCookie).toEqual([]);
    expect(body.demoAccounts).toEqual([
      { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', password: 'flashnotify' },
      { email: 'alice@example.com', name: 'Alice Example', role: 'user', password: 'flashnotify' },
      { email: 'bob@example.com', name: 'Bob Example', role: 'user', password: 'flashnotify' },
    ]);
  });

  it('shows the current role of a demo account and leaves out a removed one', async () => {
    await seeded.ctx.db.user.update({ where: { email: 'bob@example.com' }, data: { role: 'admin' } });
    await seeded.ctx.db.user.delete({ where: { email: 'alice@example.com' } });
    const { body } = await authConfig(seeded.url);
    expect(body.demoAccounts?.map((a) => `${a.email}:${a.role}`)).toEqual(['admin@example.com:admin', 'bob@example.com:admin']);
  });

  it('is null when SEED_DEMO=false', async () => {
    const server = await getTestServer({ SEED_DEMO: 'false' });
    try {
      expect(await server.ctx.db.user.count()).toBe(0);
      expect((await authConfig(server.url)).body).toEqual({ demoAccounts: null });
    } finally {
      await server.stop();
    }
  });

  it('is null in production, even on a database a development run had seeded', async () => {
    const dev = await getTestServer();
    const dataDir = dev.dataDir;
    await dev.close(); // keeps the data directory with the seeded accounts
    try {
      const prod = await getTestServer({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: dataDir });
      try {
        expect(await prod.ctx.db.user.count({ where: { email: 'admin@example.com' } })).toBe(1);
        expect((await authConfig(prod.url)).body).toEqual({ demoAccounts: null });
      } finally {
        await prod.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('is null when seeding is on but the database had other users, so nothing was seeded', async () => {
    const first = await getTestServer({ SEED_DEMO: 'false' });
    const dataDir = first.dataDir;
    await first.ctx.db.user.create({ data: { email: 'owner@corp.example', name: 'Owner', role: 'admin' } });
    await first.close();
    const again = await getTestServer({ DATA_DIR: dataDir });
    try {
      expect((await authConfig(again.url)).body).toEqual({ demoAccounts: null });
    } finally {
      await again.stop();
    }
  });
});
