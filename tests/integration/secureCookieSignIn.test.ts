import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../helpers/logCapture.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Review finding 8: COOKIE_SECURE=true and a sign-in that reaches the server as plain HTTP (a proxy that
// does not send X-Forwarded-Proto) answered 200 without Set-Cookie: signed in, and signed out at once.

const logs = captureLogs('warn');
let server: TestServer;

beforeAll(async () => {
  // The test client is the one trusted hop (TRUST_PROXY=1), so its X-Forwarded-Proto counts.
  server = await getTestServer({ COOKIE_SECURE: 'true', TRUST_PROXY: '1' }, { log: logs.log });
});
afterAll(() => server.stop());

const signIn = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'alice@example.com', password: 'flashnotify' }),
  });

describe('COOKIE_SECURE=true and a sign-in over plain HTTP', () => {
  it('answers 403 https_required naming the fix, sets no cookie, and warns the operator once', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await signIn();
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
      const body = (await res.json()) as { error: { code: string; message: string; details: { path: string; message: string }[] } };
      expect(body.error.code).toBe('https_required');
      expect(body.error.details).toEqual([{ path: 'protocol', message: expect.stringContaining('X-Forwarded-Proto: https') }]);
    }
    const warnings = logs.entries.filter((e) => e.level === 40 && e.msg.includes('COOKIE_SECURE=true but a sign-in arrived over plain HTTP'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('TRUST_PROXY');
  });

  it('signs in with a Secure cookie once the proxy says https', async () => {
    const res = await signIn({ 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('flashnotify.sid='))).toMatch(/; Secure/i);
  });
});
