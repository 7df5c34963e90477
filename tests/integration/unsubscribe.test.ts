import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let userId: string;

const tokenFor = (category: string, options?: Parameters<typeof createUnsubscribeToken>[2], secret = server.ctx.signingSecret) =>
  createUnsubscribeToken({ userId, category, channel: 'email' }, secret, options);

/** What a mail client does for RFC 8058 one-click: a POST without cookies. */
const oneClick = (token: string) =>
  fetch(`${server.url}/api/unsubscribe/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

async function page(res: Response) {
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text(), headers: res.headers };
}

beforeAll(async () => {
  server = await getTestServer();
  userId = (await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } })).id;
  await server.ctx.db.category.create({ data: { key: 'ops', label: '<b>Ops</b> & "Alerts"' } });
});
afterAll(() => server?.stop());

describe('/api/unsubscribe/:token', () => {
  it('GET shows a confirmation with a POST button and changes nothing', async () => {
    const res = await page(await fetch(`${server.url}/api/unsubscribe/${tokenFor('billing')}`));

    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.html).toContain('You will stop receiving Billing emails.');
    expect(res.html).toMatch(/<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe<\/button><\/form>/);
    // Works under the app's CSP: no scripts, no external assets.
    expect(res.html).not.toMatch(/<script|src=|https?:\/\/(?!localhost)/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('POST one-click answers 200 without a session or CSRF token', async () => {
    const res = await page(await oneClick(tokenFor('billing')));
    expect(res.status).toBe(200);
    expect(res.html).toContain('You will no longer receive Billing emails.');
    expect(res.headers.get('set-cookie')).toBeNull();

    // The confirmation page's own form posts the same body, as a browser would.
    const fromForm = await fetch(`${server.url}/api/unsubscribe/${tokenFor('security')}`, { method: 'POST' });
    expect(fromForm.status).toBe(200);
  });

  it('escapes the category label', async () => {
    const { html } = await page(await fetch(`${server.url}/api/unsubscribe/${tokenFor('ops')}`));
    expect(html).toContain('You will stop receiving &lt;b&gt;Ops&lt;/b&gt; &amp; &quot;Alerts&quot; emails.');
    expect(html).not.toContain('<b>Ops');
  });

  it.each([
    ['tampered payload', () => { const [body, mac] = tokenFor('billing').split('.'); return `${body!.slice(0, -2)}${body!.endsWith('A') ? 'B' : 'A'}${body!.slice(-1)}.${mac}`; }],
    ['tampered signature', () => `${tokenFor('billing').slice(0, -3)}abc`],
    ['another secret', () => tokenFor('billing', {}, 'some-other-secret-of-another-install')],
    ['no signature', () => tokenFor('billing').split('.')[0]!],
    ['garbage', () => 'not-a-token'],
  ])('%s → 400 page saying the link is invalid, for GET and POST', async (_name, makeToken) => {
    const token = makeToken();
    for (const res of [await fetch(`${server.url}/api/unsubscribe/${token}`), await oneClick(token)]) {
      const { status, type, html } = await page(res);
      expect(status).toBe(400);
      expect(type).toMatch(/^text\/html/);
      expect(html).toContain('This unsubscribe link is not valid. Nothing was changed.');
      expect(html).not.toContain('<form');
    }
  });

  it('expired → 400 page saying so', async () => {
    const token = tokenFor('billing', { expiresInDays: 60, now: new Date(Date.now() - 61 * 86_400_000) });
    for (const res of [await fetch(`${server.url}/api/unsubscribe/${token}`), await oneClick(token)]) {
      const { status, html } = await page(res);
      expect(status).toBe(400);
      expect(html).toContain('This unsubscribe link has expired. Nothing was changed.');
    }
  });
});
