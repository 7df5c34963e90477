import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;

beforeAll(async () => {
  server = await getTestServer({ LOGIN_RATE_LIMIT: '3' });
});
afterAll(() => server.stop());

describe('sessions', () => {
  it('answers /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('signs in with a demo account and sets a hardened cookie', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'flashnotify' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken).toMatch(/^[0-9a-f]{32,}$/);
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/flashnotify\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('regenerates the session id on login (no fixation)', async () => {
    const client = new HttpClient(server.url);
    await client.login('alice@example.com');
    const firstCookie = client.cookie;
    await client.login('alice@example.com');
    expect(client.cookie).not.toBe(firstCookie);
    // The old session id no longer authenticates.
    const stale = new HttpClient(server.url);
    stale.cookie = firstCookie;
    expect((await stale.get('/api/auth/session')).status).toBe(401);
  });

  it('returns the session with a CSRF token, and nothing after logout', async () => {
    const client = new HttpClient(server.url);
    const login = await client.login('bob@example.com');
    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('bob@example.com');
    expect(session.body.csrfToken).toBe(login.csrfToken);

    expect((await client.request('POST', '/api/auth/logout', undefined, { csrf: false })).status).toBe(403);
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect((await client.get('/api/notifications')).status).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'bob@example.com', password: 'nope' });
    const unknown = await new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'who@example.com', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('validates the login body', async () => {
    const res = await new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'x', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
  });

  it('rate-limits failed logins per account with 429 and Retry-After', async () => {
    const attempt = () =>
      new HttpClient(server.url).request('POST', '/api/auth/login', { email: 'admin@example.com', password: 'guess' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked out.
    const other = new HttpClient(server.url);
    await expect(other.login('alice@example.com')).resolves.toBeDefined();
  });
});

describe('first run', () => {
  it('never seeds demo accounts in production', async () => {
    const prod = await getTestServer({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    try {
      expect(await prod.ctx.db.user.count()).toBe(0);
    } finally {
      await prod.stop();
    }
  });

  it('generates and reports an API key when none is configured', async () => {
    const fresh = await getTestServer({ BOOTSTRAP_API_KEY: '' });
    try {
      expect(fresh.generatedApiKey).toMatch(/^fn_/);
      const res = await fetch(`${fresh.url}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${fresh.generatedApiKey}` },
        body: JSON.stringify({ to: [{ email: 'bob@example.com' }], title: 'Hello' }),
      });
      expect(res.status).toBe(202);
    } finally {
      await fresh.stop();
    }
  });
});
