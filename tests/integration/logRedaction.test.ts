import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';
import { signReadToken } from '../../server/services/notifications/readToken.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { captureLogs } from '../helpers/logCapture.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Review finding 7: the request log kept the CSRF header and the signed link tokens in `url` (bearer
// credentials for weeks). Every request below goes through the real request logger (LOG_LEVEL=info).

const logs = captureLogs('info');
let server: TestServer;

beforeAll(async () => {
  server = await getTestServer({ LOG_LEVEL: 'info' }, { log: logs.log });
});
afterAll(() => server.stop());

/** The request-log lines (pino-http) for paths starting with `prefix`, case-insensitively. */
const requestLines = (prefix: string) =>
  logs.entries.filter((e) => (e.req as { url?: string } | undefined)?.url?.toLowerCase().startsWith(prefix.toLowerCase()));

describe('request logs keep no tokens or CSRF values', () => {
  it('masks signed tokens in every token route, the x-csrf-token header, cookies and the redirect Location', async () => {
    const alice = new HttpClient(server.url);
    const { user, csrfToken } = await alice.login('alice@example.com');
    expect((await alice.request('POST', '/api/notifications/seen-all', {})).status).toBe(200); // sends x-csrf-token

    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Log me not' });
    expect(sent.status).toBe(202);
    const notification = await server.ctx.db.notification.findFirstOrThrow({ where: { userId: user.id, title: 'Log me not' } });
    const readToken = signReadToken(server.ctx.signingSecret, {
      userId: user.id,
      notificationId: notification.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const unsubscribeToken = createUnsubscribeToken({ userId: user.id, category: 'general', channel: 'email' }, server.ctx.signingSecret);

    // The email's open link (303 to the SPA's /open/<token>, followed), its preview, and the unsubscribe pages.
    expect((await fetch(`${server.url}/api/email-actions/open/${readToken}`)).url).toContain(`/open/${readToken}`);
    expect((await alice.get(`/api/email-actions/preview/${readToken}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/unsubscribe/${unsubscribeToken}`)).status).toBe(200);
    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' };
    expect((await fetch(`${server.url}/api/unsubscribe/${unsubscribeToken}`, form)).status).toBeLessThan(400);
    expect((await fetch(`${server.url}/api/unsubscribe/${unsubscribeToken}/undo`, form)).status).toBeLessThan(400);
    // Express routes case-insensitively; so does the masking. A truncated token is still most of a secret.
    await fetch(`${server.url}/API/Unsubscribe/${unsubscribeToken}`);
    await fetch(`${server.url}/api/unsubscribe/${unsubscribeToken.slice(0, 30)}`);
    // A token-shaped value anywhere else (a query string, another path) is masked too.
    await fetch(`${server.url}/api/nowhere/${readToken}?token=${unsubscribeToken}`);

    // Lines other than the request log: a refused cross-origin request logs its URL too.
    const refused = await fetch(`${server.url}/api/notifications/${readToken}`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(logs.entries.some((e) => e.msg === 'Cross-origin request refused' && e.url === '/api/notifications/[redacted]')).toBe(true);

    for (const prefix of ['/api/email-actions/open/', '/api/email-actions/preview/', '/open/', '/api/unsubscribe/', '/api/nowhere/']) {
      expect(requestLines(prefix).length, prefix).toBeGreaterThan(0);
    }
    expect(requestLines('/api/unsubscribe/[redacted]').length).toBe(5);
    const redirect = requestLines('/api/email-actions/open/')[0]!;
    expect((redirect.res as { headers: Record<string, string> }).headers.location).toBe('/open/[redacted]');
    const seenAll = requestLines('/api/notifications/seen-all')[0]!;
    expect((seenAll.req as { headers: Record<string, string> }).headers['x-csrf-token']).toBe('[redacted]');

    const everything = JSON.stringify(logs.entries);
    const cookieValue = alice.cookie!.split('=')[1]!;
    for (const secret of [readToken, unsubscribeToken, unsubscribeToken.slice(0, 30), csrfToken, cookieValue]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(encodeURIComponent(secret));
    }
  });
});
