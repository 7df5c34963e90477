import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';
import { hashPassword } from '../../server/services/auth/passwords.js';
import type { PreferencesDto } from '../../shared/schemas/preferences.js';
import { HttpClient } from '../helpers/httpClient.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
let userId: string;

const tokenFor = (category: string, options?: Parameters<typeof createUnsubscribeToken>[2], secret = server.ctx.signingSecret, forUser = userId) =>
  createUnsubscribeToken({ userId: forUser, category, channel: 'email' }, secret, options);

/** Every Preference row of every user: "nothing changed" means this stays equal. */
const allPreferences = () => server.ctx.db.preference.findMany({ orderBy: [{ userId: 'asc' }, { category: 'asc' }, { channel: 'asc' }] });

/** Posts the undo form of the confirmation page, as a browser would. */
const undo = (token: string) => fetch(`${server.url}/api/unsubscribe/${token}/undo`, { method: 'POST' });

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

  it.each([
    ['tampered', () => `${tokenFor('billing').slice(0, -3)}abc`, 'This unsubscribe link is not valid. Nothing was changed.'],
    ['expired', () => tokenFor('billing', { now: new Date(Date.now() - 61 * 86_400_000) }), 'This unsubscribe link has expired. Nothing was changed.'],
  ])('%s link: unsubscribe and undo change no Preference row', async (_name, makeToken, text) => {
    const before = await allPreferences();
    for (const res of [await oneClick(makeToken()), await undo(makeToken())]) {
      const { status, html } = await page(res);
      expect(status).toBe(400);
      expect(html).toContain(text);
    }
    expect(await allPreferences()).toEqual(before);
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

describe('unsubscribe effect and undo', () => {
  let client: HttpClient;
  let danId: string;
  const cell = async (key: string) => {
    const res = await client.get<PreferencesDto>('/api/preferences');
    return res.body.categories.find((c) => c.key === key)!.channels.email;
  };

  beforeAll(async () => {
    danId = (await server.ctx.db.user.create({ data: { email: 'dan@example.com', name: 'Dan', passwordHash: await hashPassword('flashnotify') } })).id;
    client = new HttpClient(server.url);
    await client.login('dan@example.com');
  });

  it('a valid link turns email off for that category; its undo turns it back on; the tabs hear both', async () => {
    const socket = new InboxSocket(server.url, client.cookie);
    const received: PreferencesDto[] = [];
    socket.socket.on('preferences.updated', (dto) => received.push(dto));
    await socket.connect();
    try {
      const token = tokenFor('billing', {}, undefined, danId);
      const unsubscribed = await page(await oneClick(token));
      expect(unsubscribed.status).toBe(200);
      expect(unsubscribed.html).toContain('You will no longer receive Billing emails.');
      // The undo button posts the same token, relative to this page's URL.
      expect(unsubscribed.html).toContain(`<form method="post" action="${token}/undo"><button type="submit">Undo</button></form>`);
      expect(await cell('billing')).toEqual({ enabled: false, locked: false, isDefault: false });
      await waitFor(() => received.length === 1, 5000, 'preferences.updated after unsubscribe');

      // Mail clients may POST twice: still one row, still off.
      await oneClick(token);
      expect(await server.ctx.db.preference.findMany({ where: { userId: danId } })).toMatchObject([{ category: 'billing', channel: 'email', enabled: false }]);

      // Resolved the way a browser resolves the form's relative action against the page's URL.
      const undoUrl = new URL(`${token}/undo`, `${server.url}/api/unsubscribe/${token}`);
      const undone = await page(await fetch(undoUrl, { method: 'POST' }));
      expect(undone.status).toBe(200);
      expect(undone.html).toContain('You will receive Billing emails again.');
      expect(undone.html).not.toContain('<form');
      // Billing emails by default: the cell is back to the default, as before the click.
      expect(await cell('billing')).toEqual({ enabled: true, locked: false, isDefault: true });
      await waitFor(() => received.length === 3, 5000, 'preferences.updated after undo');
      expect(received.at(-1)!.categories.find((c) => c.key === 'billing')!.channels.email.enabled).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('undo keeps an email the user opted into, for a category that does not email by default', async () => {
    await client.request('PATCH', '/api/preferences', { categories: { deploys: { channels: { email: true }, emailDigest: 'daily' } } });
    const token = tokenFor('deploys', {}, undefined, danId);
    await oneClick(token);
    expect(await cell('deploys')).toEqual({ enabled: false, locked: false, isDefault: false });
    await undo(token);
    expect(await cell('deploys')).toEqual({ enabled: true, locked: false, isDefault: false });
    const digest = (await client.get<PreferencesDto>('/api/preferences')).body.categories.find((c) => c.key === 'deploys')!.emailDigest;
    expect(digest).toBe('daily');
  });

  it('a critical category changes nothing, and the pages say why', async () => {
    const token = tokenFor('security', {}, undefined, danId);
    const before = await allPreferences();
    const shown = await page(await fetch(`${server.url}/api/unsubscribe/${token}`));
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('Security emails cannot be unsubscribed');
    expect(shown.html).not.toContain('<form');
    for (const res of [await oneClick(token), await undo(token)]) {
      const { status, html } = await page(res);
      expect(status).toBe(200);
      expect(html).toContain('Security emails are critical alerts about your account');
      expect(html).toContain('Nothing was changed.');
    }
    expect(await allPreferences()).toEqual(before);
    expect(await cell('security')).toMatchObject({ enabled: true, locked: true, isDefault: true });
  });
});
