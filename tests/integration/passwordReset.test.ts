import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, linkToken } from '../helpers/accounts.js';
import { HttpClient } from '../helpers/httpClient.js';
import { nextDisconnect } from '../helpers/sessions.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { InboxSocket } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 10 §1: "Forgot password?" by email, here through a real SMTP peer (SMTP_URL set).

const OLD_PASSWORD = 'the old password, long enough';
const NEW_PASSWORD = 'correct horse battery staple';
const RESET_LIMIT = 3;

let server: TestServer;
let smtp: SmtpPeer;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  server = await getTestServer({ SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: String(RESET_LIMIT) });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const requestReset = (email: unknown) => new HttpClient(server.url).request('POST', '/api/auth/password-reset', { email });
const post = (path: string, body: unknown) => new HttpClient(server.url).request('POST', `/api/auth/${path}`, body);
/** Lets a reset that would be sent reach the SMTP peer (the route answers before it sends). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('POST /api/auth/password-reset', () => {
  it('emails a one-hour, single-use link; using it signs out the other session and its socket', async () => {
    const user = await buildAccount(server, OLD_PASSWORD);
    const other = new HttpClient(server.url);
    await other.login(user.email, OLD_PASSWORD);
    const socket = new InboxSocket(server.url, other.cookie);
    await socket.connect();
    const disconnected = nextDisconnect(socket);
    const before = smtp.messages.length;

    const res = await requestReset(user.email.toUpperCase());
    expect(res.status).toBe(204);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    expect(mail!.envelope.to).toEqual([user.email]);
    expect(mail!.parsed.subject).toBe('Reset your FlashNotify password');
    const token = linkToken(mail!.parsed.text!, 'set-password');
    expect(mail!.parsed.text).toContain(`${server.ctx.publicUrl}/set-password#token=${token}`);

    const checked = await post('set-password/check', { token });
    expect(checked.status).toBe(200);
    const lifetime = Date.parse(checked.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);

    expect((await post('set-password', { token, password: NEW_PASSWORD })).status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    expect((await other.get('/api/auth/session')).status).toBe(401);
    await new HttpClient(server.url).login(user.email, NEW_PASSWORD);
    expect((await new HttpClient(server.url).request('POST', '/api/auth/login', { email: user.email, password: OLD_PASSWORD })).status).toBe(401);
    const reuse = await post('set-password', { token, password: 'yet another long password' });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error.code).toBe('token_used');
  });

  it('answers the same for an unknown address and a user without a password, and sends nothing', async () => {
    const passwordless = await server.ctx.db.user.create({ data: { email: 'no-password@example.com', name: 'No Password' } });
    const before = smtp.messages.length;
    for (const email of ['nobody-here@example.com', passwordless.email]) {
      const res = await requestReset(email);
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
    }
    await settle();
    expect(smtp.messages.length).toBe(before);
  });

  it('names a bad email field with a 400', async () => {
    for (const body of [{ email: 'not-an-email' }, { email: 7 }, {}]) {
      const res = await new HttpClient(server.url).request('POST', '/api/auth/password-reset', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'email', message: expect.any(String) }]);
    }
  });

  it(`is rate-limited per address asked for (${RESET_LIMIT} per 15 minutes), whether it has an account or not`, async () => {
    const user = await buildAccount(server, OLD_PASSWORD);
    for (const email of [user.email, 'unknown-limit@example.com']) {
      for (let i = 0; i < RESET_LIMIT; i++) expect((await requestReset(email)).status).toBe(204);
      const limited = await requestReset(email);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(limited.headers.get('retry-after')).toBe('900');
    }
    await settle();
    // Another address is not affected.
    expect((await requestReset('someone-else@example.com')).status).toBe(204);
  });
});
