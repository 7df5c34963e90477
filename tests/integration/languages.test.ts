import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigestEmail } from '../../server/channels/email/composeDigestEmail.js';
import { composeSmsText } from '../../server/channels/sms/smsText.js';
import { createUnsubscribeToken } from '../../server/channels/unsubscribeLink.js';
import { buildAccount, outboxTo } from '../helpers/accounts.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { TEST_API_KEY, getTestServer, type TestServer } from '../helpers/testServer.js';

// Issue 11: everything sent to a person is in their language: the one they chose, else their browser's.

const PASSWORD = 'correct horse battery staple';
const FRENCH_BROWSER = { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' };
const ENGLISH_BROWSER = { 'accept-language': 'en-GB,en;q=0.9' };
let server: TestServer;

beforeAll(async () => {
  server = await getTestServer({ LOGIN_RATE_LIMIT: '1000' });
});
afterAll(() => server.stop());

/** Signs in as a new person from a browser with these headers; the client keeps sending them. */
async function signIn(headers: Record<string, string>, role: 'user' | 'admin' = 'user') {
  const user = await buildAccount(server, PASSWORD, role);
  const client = new HttpClient(server.url);
  const res = await client.request('POST', '/api/auth/login', { email: user.email, password: PASSWORD }, { headers });
  expect(res.status).toBe(200);
  client.csrfToken = res.body.csrfToken;
  const request = client.request.bind(client);
  client.request = (method, path, body, options = {}) => request(method, path, body, { ...options, headers: { ...headers, ...options.headers } });
  return { user, client, session: res.body };
}

const localeOf = async (id: string) => (await server.ctx.db.user.findUniqueOrThrow({ where: { id } })).locale;

async function latestEmail(address: string) {
  await expect.poll(async () => (await outboxTo(server, address)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return (await outboxTo(server, address)).at(-1)!;
}

describe('the language of what is sent', () => {
  it('follows the browser until the person chooses: emails come in French after signing in from a French browser', async () => {
    const { user, session } = await signIn(FRENCH_BROWSER);
    expect(session.user.locale).toBeNull();
    expect(await localeOf(user.id)).toBe('fr-CA');

    const sent = await sendNotification(server.url, { to: [{ userId: user.id }], title: 'Paiement refusé', priority: 'critical', category: 'billing' });
    expect(sent.status).toBe(202);
    const mail = await latestEmail(user.email);
    expect(mail.subject).toBe('[Critique] Paiement refusé');
    expect(mail.text).toContain('Ouvrir votre boîte de réception\u00a0: ');
    expect(mail.html).toContain('<html lang="fr-CA">');
    expect(mail.html).toContain('Se désabonner des e-mails');
    expect(mail.html).not.toContain('Open your inbox');
  });

  it('keeps a language the person chose, whatever browser they use next, until they hand it back', async () => {
    const { user, client } = await signIn(FRENCH_BROWSER);
    const chosen = await client.request('PATCH', '/api/preferences', { locale: 'en' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.locale).toBe('en');
    expect((await client.get('/api/auth/session')).body.user.locale).toBe('en');
    expect(await localeOf(user.id)).toBe('en');

    // Still French headers: the choice stands.
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect(await localeOf(user.id)).toBe('en');

    const automatic = await client.request('PATCH', '/api/preferences', { locale: null });
    expect(automatic.body.locale).toBeNull();
    // At once, not at the next app start: an email sent now is in the browser's language again.
    expect(await localeOf(user.id)).toBe('fr-CA');
    expect((await client.get('/api/auth/session')).body.user.locale).toBeNull();
    expect(await localeOf(user.id)).toBe('fr-CA');
  });

  it('refuses a language without messages, naming the field', async () => {
    const { client } = await signIn(ENGLISH_BROWSER);
    for (const locale of ['de', 'english', 42]) {
      const res = await client.request('PATCH', '/api/preferences', { locale });
      expect(res.status, String(locale)).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'locale', message: expect.any(String) }]);
    }
  });

  it('takes a language a service sets as chosen: the browser no longer decides', async () => {
    const externalId = `lang-${randomUUID().slice(0, 8)}`;
    const email = `${externalId}@example.com`;
    const res = await fetch(`${server.url}/api/v1/users/${externalId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
      body: JSON.stringify({ email, name: 'Zoé', locale: 'fr' }),
    });
    expect(res.status).toBe(201);
    const user = await server.ctx.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ locale: 'fr', localeChosen: true });
  });

  it('writes account emails in the person’s language: a password reset, and an invitation in its admin’s', async () => {
    const { user } = await signIn(FRENCH_BROWSER);
    const reset = await new HttpClient(server.url).request('POST', '/api/auth/password-reset', { email: user.email });
    expect(reset.status).toBe(204);
    const resetMail = await latestEmail(user.email);
    expect(resetMail.subject).toBe('Réinitialisez votre mot de passe FlashNotify');
    expect(resetMail.text).toContain('Bonjour Test Person,');
    expect(resetMail.text).toMatch(/Ce lien ne fonctionne qu’une fois, jusqu’au \d+ décembre|jusqu’au \d+ \p{L}+ \d{4}/u);

    const { client: admin } = await signIn(FRENCH_BROWSER, 'admin');
    const invitee = `invitee-${randomUUID().slice(0, 8)}@example.com`;
    expect((await admin.request('POST', '/api/admin/invitations', { email: invitee, role: 'admin' })).status).toBe(201);
    const invitation = await latestEmail(invitee);
    expect(invitation.subject).toBe('Vous êtes invité sur FlashNotify');
    expect(invitation.text).toContain('en tant qu’administrateur');
    expect(invitation.html).toContain('Accepter l’invitation');
  });

  it('writes the SMS opt-out hint and the digest in the recipient’s language', async () => {
    const message = buildOutgoingMessage({ notification: { priority: 'normal', title: 'Colis expédié', body: '' }, recipient: { locale: 'fr' } });
    expect(composeSmsText(message, server.ctx.publicUrl)).toMatch(/\nRépondez STOP pour ne plus recevoir de SMS$/);

    const { db, log, signingSecret, publicUrl, config } = server.ctx;
    const recipient = { ...message.recipient, locale: 'fr-FR', timezone: 'Europe/Paris' };
    const digest = composeDigestEmail(
      { config, db, log, signingSecret, publicUrl },
      {
        digestId: 'd1',
        period: 'daily',
        recipient,
        groups: [
          {
            category: 'billing',
            label: 'Facturation',
            locked: false,
            notifications: [1, 2].map((n) => ({ id: `n${n}`, title: `Facture ${n}`, body: '', actionUrl: null, createdAt: new Date('2026-12-01T07:30:00Z') })),
          },
        ],
      },
    );
    expect(digest.subject).toBe('Votre résumé quotidien\u00a0: 2 notifications non lues');
    expect(digest.text).toContain('Ne plus recevoir les e-mails Facturation\u00a0: ');
    // 07:30 UTC is 08:30 in Paris, written the French way.
    expect(digest.text).toContain('1 déc., 08:30');
  });
});

describe('server-rendered pages', () => {
  it('speaks the user’s language on an unsubscribe page, and the browser’s on an invalid link', async () => {
    const { user } = await signIn(FRENCH_BROWSER);
    const token = createUnsubscribeToken({ userId: user.id, category: 'billing', channel: 'email' }, server.ctx.signingSecret);
    const page = await fetch(`${server.url}/api/unsubscribe/${token}`, { headers: ENGLISH_BROWSER });
    const html = await page.text();
    expect(html).toContain('<html lang="fr-CA">');
    expect(html).toContain('<button type="submit">Se désabonner</button>');
    expect(html).toContain('Ouvrir FlashNotify');

    const done = await (await fetch(`${server.url}/api/unsubscribe/${token}`, { method: 'POST' })).text();
    expect(done).toContain('Vous êtes désabonné');

    const invalidFr = await fetch(`${server.url}/api/unsubscribe/not-a-token`, { headers: FRENCH_BROWSER });
    expect(invalidFr.status).toBe(400);
    expect(invalidFr.headers.get('vary')).toContain('Accept-Language');
    expect(await invalidFr.text()).toContain('Lien non valide');
    expect(await (await fetch(`${server.url}/api/unsubscribe/not-a-token`, { headers: ENGLISH_BROWSER })).text()).toContain('Invalid link');
  });
});
