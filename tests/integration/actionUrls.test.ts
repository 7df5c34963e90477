import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeEmail } from '../../server/channels/email/composeEmail.js';
import { isSafeActionUrl } from '../../shared/urls.js';
import { EVIL_ACTION_URLS } from '../helpers/actionUrlCases.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await getTestServer();
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
});
afterAll(() => server.stop());

const message = { to: [{ email: 'alice@example.com' }], title: 'Order shipped', body: 'On its way' };

/** The error must name `actionUrl` and say why, in the documented shape. */
function expectRefused(res: { status: number; body: any }, reason: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.details).toEqual([{ path: 'actionUrl', message: expect.stringContaining(reason) }]);
}

describe('every entry point refuses an action URL the shared rule refuses', () => {
  it.each(EVIL_ACTION_URLS)('REST v1 POST /api/v1/notifications: %s', async (_name, actionUrl, reason) => {
    expectRefused(await sendNotification(server.url, { ...message, actionUrl }), reason);
  });

  it.each(EVIL_ACTION_URLS)('admin composer POST /api/admin/sends: %s', async (_name, actionUrl, reason) => {
    expectRefused(await admin.request('POST', '/api/admin/sends', { ...message, actionUrl }), reason);
  });

  it('a scheduled send is checked when it is posted, not when it goes out', async () => {
    const scheduledAt = new Date(Date.now() + 3600_000).toISOString();
    expectRefused(await admin.request('POST', '/api/admin/sends', { ...message, actionUrl: '/\t/evil.example/x', scheduledAt }), 'control characters');
  });

  it('nothing was stored by any refused request', async () => {
    expect(await server.ctx.db.notification.count({ where: { actionUrl: { contains: 'evil.example' } } })).toBe(0);
    expect(await server.ctx.db.send.count({ where: { actionUrl: { contains: 'evil.example' } } })).toBe(0);
  });

  it('accepts the good ones, and percent-encoded bytes stay in the path', async () => {
    for (const actionUrl of ['/orders/42', '/%09/evil.example', 'https://shop.example/o/1']) {
      const res = await sendNotification(server.url, { ...message, actionUrl });
      expect(res.status, actionUrl).toBe(202);
    }
  });
});

describe('the email builder never links a URL the rule refuses', () => {
  it.each(EVIL_ACTION_URLS)('%s stored before the rule: no action button, only app links', async (_name, actionUrl) => {
    const email = await composeEmail(server.ctx, buildOutgoingMessage({ notification: { actionUrl } }));
    expect(email.text).not.toContain('View details');
    expect(email.html).not.toContain('evil.example');
    for (const link of [...email.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0])) {
      expect(isSafeActionUrl(link), link).toBe(true);
      expect(link.startsWith(`${server.ctx.publicUrl}/`), link).toBe(true);
    }
  });
});
