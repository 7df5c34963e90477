import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPushPayload, type PushPayload } from '../../server/channels/push/pushPayload.js';
import { createTwilioSmsChannel } from '../../server/channels/sms/createSmsChannel.js';
import { runDigests } from '../../server/services/digests/runDigests.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { FakeTwilioHttpClient, startTwilioFake, type TwilioFake } from '../helpers/twilioFake.js';

// Issue 8 item 9: mail security scanners (Safe Links, Proofpoint) GET every link of a delivered message,
// following redirects. No link the product sends may change anything on GET; the person's POST does.

const twilioAccount = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'test-auth-token-0123456789' };

let smtp: SmtpPeer;
let twilio: TwilioFake;
let server: TestServer;
let admin: HttpClient;
let aliceId: string;

beforeAll(async () => {
  [smtp, twilio] = await Promise.all([startSmtpPeer(), startTwilioFake(twilioAccount)]);
  server = await getTestServer(
    {
      SMTP_URL: smtp.url,
      TWILIO_ACCOUNT_SID: twilioAccount.accountSid,
      TWILIO_AUTH_TOKEN: twilioAccount.authToken,
      TWILIO_FROM: '+15005550006',
      // Steps due now go out when the worker is woken by the send; later steps wait (and must stay pending).
      DELIVERY_INTERVAL_MS: '60000',
    },
    { channels: { sms: (deps) => createTwilioSmsChannel(deps, { httpClient: new FakeTwilioHttpClient(twilio.origin) }) } },
  );
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
  for (const [key, escalation] of [
    ['outages', [{ channel: 'email', afterMinutes: 0 }, { channel: 'sms', afterMinutes: 10 }]],
    ['pager', [{ channel: 'sms', afterMinutes: 0 }, { channel: 'email', afterMinutes: 10 }]],
  ] as const) {
    expect((await admin.request('POST', '/api/admin/categories', { key, label: key, escalation })).status).toBe(201);
  }
  const alice = await server.ctx.db.user.update({
    where: { email: 'alice@example.com' },
    data: { phone: '+14155550100', smsConsentAt: new Date() },
  });
  aliceId = alice.id;
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([smtp?.stop(), twilio?.close()]);
});

/** Every URL in an email: HTML hrefs, URLs in the text part, and the List-Unsubscribe header's. */
function linksOf(mail: ParsedMail): string[] {
  const html = mail.html || '';
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
  const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  return unique([...hrefs, ...urlsIn(mail.text ?? ''), ...urlsIn(header)]);
}
const urlsIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
const unique = (urls: string[]) => [...new Set(urls)];

/** What a link scanner does: GET (following every redirect, reading the body) and HEAD each link. */
async function scan(urls: string[]): Promise<void> {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const get = await fetch(url, { redirect: 'follow' });
    await get.text();
    expect(get.status, url).toBeLessThan(500);
    await (await fetch(url, { method: 'HEAD', redirect: 'follow' })).text();
  }
}

/** The state a GET must not touch: read/seen, escalation steps, email preferences. */
async function stateOf(notificationId: string) {
  // The step due at once is sent by the worker the send woke: wait until it is recorded, not in flight.
  await waitUntilAsync(async () => (await server.ctx.db.delivery.count({ where: { notificationId, status: 'sending' } })) === 0);
  const db = server.ctx.db;
  const n = await db.notification.findUniqueOrThrow({ where: { id: notificationId } });
  const steps = await db.delivery.findMany({ where: { notificationId, escalationStep: { not: null } }, orderBy: { escalationStep: 'asc' } });
  return {
    readAt: n.readAt,
    seenAt: n.seenAt,
    steps: steps.map((s) => `${s.channel}:${s.status}`),
    preferences: await db.preference.count({ where: { userId: n.userId } }),
  };
}

async function raise(category: string, title: string): Promise<string> {
  const res = await sendNotification(server.url, {
    to: [{ email: 'alice@example.com' }],
    title,
    category,
    priority: 'critical',
    actionUrl: '/incidents/42',
  });
  expect(res.status).toBe(202);
  return res.body.notificationIds[0]!;
}

async function waitUntilAsync(predicate: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the deliveries to settle');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const openLinkToken = (url: string) => /\/api\/email-actions\/open\/([^/?#]+)$/.exec(url)?.[1];

describe('no state change on GET', () => {
  it('every link of a real email (button, inbox, unsubscribe, List-Unsubscribe) changes nothing, and the escalation goes on', async () => {
    const before = smtp.messages.length;
    const id = await raise('outages', 'Checkout is down');
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const links = linksOf(mail!.parsed);
    expect(links.some((l) => openLinkToken(l))).toBe(true);
    expect(links.some((l) => l.includes('/api/unsubscribe/'))).toBe(true);
    const untouched = await stateOf(id);
    expect(untouched).toMatchObject({ readAt: null, seenAt: null, steps: ['email:sent', 'sms:pending'] });

    await scan(links);

    expect(await stateOf(id)).toEqual(untouched);
  });

  it('the open link redirects to the app’s /open page, whose preview reads only; the person’s POST reads and cancels', async () => {
    const before = smtp.messages.length;
    const id = await raise('outages', 'Payments degraded');
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const link = linksOf(mail!.parsed).find((l) => openLinkToken(l))!;
    const token = openLinkToken(link)!;

    const redirect = await fetch(link, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`/open/${token}`);
    const preview = await fetch(`${server.url}/api/email-actions/preview/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      userId: aliceId,
      notification: { title: 'Payments degraded', category: 'outages', url: '/incidents/42', read: false },
    });
    expect((await stateOf(id)).steps).toEqual(['email:sent', 'sms:pending']);

    // The click on "Open" (or the signed-in app): no cookie, no CSRF token — the token is the credential.
    const read = await fetch(`${server.url}/api/email-actions/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ url: '/incidents/42' });
    const after = await stateOf(id);
    expect(after.readAt).not.toBeNull();
    expect(after.steps).toEqual(['email:sent', 'sms:cancelled']);
  });

  it('every link of an SMS changes nothing', async () => {
    const before = twilio.requests.length;
    const id = await raise('pager', 'Disk full on db-1');
    await waitFor(() => twilio.requests.length > before, 10_000, 'the SMS');
    const links = urlsIn(twilio.requests.at(-1)!.params.Body!);
    const untouched = await stateOf(id);
    expect(untouched).toMatchObject({ readAt: null, steps: ['sms:sent', 'email:pending'] });

    await scan(links);

    expect(await stateOf(id)).toEqual(untouched);
  });

  it('the push payload’s URL changes nothing when fetched', async () => {
    const before = twilio.requests.length;
    const id = await raise('pager', 'Queue backlog');
    await waitFor(() => twilio.requests.length > before, 10_000, 'the SMS');
    const message = buildOutgoingMessage({
      notification: { id, actionUrl: `${server.ctx.publicUrl}/incidents/42` },
      recipient: { id: aliceId },
    });
    const payload = JSON.parse(buildPushPayload(message, { publicUrl: server.ctx.publicUrl, signingSecret: server.ctx.signingSecret })) as PushPayload;
    const untouched = await stateOf(id);

    await scan([payload.url, `${server.ctx.publicUrl}/`]);

    expect(await stateOf(id)).toEqual(untouched);
  });

  it('every link of a digest email changes nothing; each item opens with the POST', async () => {
    const db = server.ctx.db;
    const created: string[] = [];
    for (const [title, actionUrl] of [['Invoice 7 is ready', '/billing/invoices/7'], ['Weekly report', null]] as const) {
      const { inboxSeq } = await db.user.update({ where: { id: aliceId }, data: { inboxSeq: { increment: 1 } }, select: { inboxSeq: true } });
      const n = await db.notification.create({
        data: { userId: aliceId, seq: inboxSeq, category: 'general', title, body: '', actionUrl, digest: 'hourly', createdAt: new Date('2031-05-01T10:10:00Z') },
      });
      created.push(n.id);
    }
    const before = smtp.messages.length;
    expect((await runDigests(server.ctx, new Date('2031-05-01T11:00:00Z'))).sent).toBeGreaterThan(0);
    const mail = (await smtp.waitForMessages(before + 1)).find((m) => m.parsed.subject?.includes('digest'))!;
    const links = linksOf(mail.parsed);
    const tokens = links.map(openLinkToken).filter((t): t is string => Boolean(t));
    expect(tokens).toHaveLength(2);

    await scan(links);

    const rows = await db.notification.findMany({ where: { id: { in: created } } });
    expect(rows.map((r) => [r.readAt, r.seenAt])).toEqual([[null, null], [null, null]]);
    const urls: unknown[] = [];
    for (const token of tokens) {
      const res = await fetch(`${server.url}/api/email-actions/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      urls.push(((await res.json()) as { url: unknown }).url);
    }
    expect(urls.sort()).toEqual(['/billing/invoices/7', null]);
    expect(await db.notification.count({ where: { id: { in: created }, readAt: null } })).toBe(0);
  });
});

describe('the token routes refuse bad input with the error shape', () => {
  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${server.url}/api/email-actions/read`, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) });

  it.each([
    ['a tampered token', { token: 'eyJ4IjoxfQ.AAAA' }, 'invalid_token', 'token'],
    ['no token', {}, 'validation_failed', 'token'],
    ['a number', { token: 42 }, 'validation_failed', 'token'],
    ['an unknown field', { token: 'a.b', read: true }, 'validation_failed', 'read'],
  ])('POST /read with %s → 400', async (_label, body, code, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(json.error.code).toBe(code);
    expect(json.error.details.map((d) => d.path)).toContain(path);
  });

  it('a form post (not JSON) is refused: the token only travels in a JSON body', async () => {
    const res = await post({ token: 'x' }, 'application/x-www-form-urlencoded');
    // 415 naming the type it takes (was a 400 saying the token is missing).
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('preview of a tampered token → 400, of a deleted notification → 404; a bad open link → the inbox', async () => {
    const tampered = await fetch(`${server.url}/api/email-actions/preview/${randomUUID()}.x`);
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('invalid_token');

    const before = smtp.messages.length;
    const id = await raise('outages', 'Soon deleted');
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const token = openLinkToken(linksOf(mail!.parsed).find((l) => openLinkToken(l))!)!;
    await server.ctx.db.delivery.deleteMany({ where: { notificationId: id } });
    await server.ctx.db.notification.delete({ where: { id } });
    expect((await fetch(`${server.url}/api/email-actions/preview/${token}`)).status).toBe(404);

    const tooLong = await fetch(`${server.url}/api/email-actions/open/${'x'.repeat(2000)}`, { redirect: 'manual' });
    expect(tooLong.status).toBe(303);
    expect(tooLong.headers.get('location')).toBe('/');
  });
});
