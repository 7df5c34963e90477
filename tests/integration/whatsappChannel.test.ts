import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { PermanentDeliveryError, RetryLaterError, type DeliveryChannel } from '../../server/channels/types.js';
import { createTwilioWhatsAppChannel, createWhatsAppChannel } from '../../server/channels/whatsapp/createWhatsAppChannel.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import type { PreferencesDto } from '../../shared/schemas/preferences.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase } from '../helpers/bothDatabases.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { waitFor } from '../helpers/socketClient.js';
import { TEST_API_KEY, type TestServer } from '../helpers/testServer.js';
import { FakeTwilioHttpClient, startTwilioFake, type TwilioFake } from '../helpers/twilioFake.js';

// Issue 13: WhatsApp through Twilio (`whatsapp:+E164`), with its own consent, against the local Twilio fake
// speaking the real wire format (form-encoded Messages.json, Twilio's error JSON), on SQLite and PostgreSQL.

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token-0123456789';
const MESSAGING_SERVICE_SID = `MG${'fedcba9876543210'.repeat(2)}`;
const CONTENT_SID = `HX${'00112233445566778899aabbccddeeff'}`;
const SENDER = 'whatsapp:+14155238886';
const twilioEnv = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_WHATSAPP_FROM: SENDER };

let fake: TwilioFake;
beforeAll(async () => {
  fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(async () => {
  await fake?.close();
});

const serverOn = useServerPerDatabase(
  { ...twilioEnv, DELIVERY_INTERVAL_MS: '50', DELIVERY_BACKOFF_BASE_MS: '100', DELIVERY_BACKOFF_MAX_MS: '400' },
  // The real Twilio SDK, pointed at the local fake (the SDK has no base-URL option).
  { channels: { whatsapp: (deps) => createTwilioWhatsAppChannel(deps, { httpClient: new FakeTwilioHttpClient(fake.origin) }) } },
);

function depsWith(server: TestServer, env: Record<string, string>): ChannelDeps {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', ...env });
  const { db, log, signingSecret, publicUrl } = server.ctx;
  return { config, db, log, signingSecret, publicUrl };
}

const fakeChannel = (server: TestServer, env: Record<string, string> = {}) =>
  createTwilioWhatsAppChannel(depsWith(server, { ...twilioEnv, ...env }), { httpClient: new FakeTwilioHttpClient(fake.origin) });

async function failureOf(channel: DeliveryChannel): Promise<unknown> {
  return channel.send(buildOutgoingMessage()).then(
    () => new Error('expected the send to fail'),
    (err: unknown) => err,
  );
}

describe('configuration', () => {
  it('needs the Twilio account with TWILIO_WHATSAPP_FROM; a template SID needs a sender; a WhatsApp-only account leaves SMS in the outbox', () => {
    const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    expect(loadConfig({ ...base, ...twilioEnv })).toMatchObject({ twilio: undefined, whatsapp: { from: SENDER, messagingServiceSid: undefined, contentSid: undefined } });
    expect(loadConfig({ ...base, ...twilioEnv, TWILIO_WHATSAPP_FROM: MESSAGING_SERVICE_SID }).whatsapp).toMatchObject({ from: undefined, messagingServiceSid: MESSAGING_SERVICE_SID });
    expect(() => loadConfig({ ...base, TWILIO_WHATSAPP_FROM: SENDER })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TWILIO_WHATSAPP_CONTENT_SID: CONTENT_SID })).toThrow(/TWILIO_WHATSAPP_CONTENT_SID/);
    expect(() => loadConfig({ ...base, ...twilioEnv, TWILIO_WHATSAPP_FROM: '+14155238886' })).toThrow(/whatsapp:\+14155550123/);
    expect(loadConfig(base).whatsapp).toBeUndefined();
  });
});

describe('WhatsApp channel (real SDK, local Twilio fake)', () => {
  it('posts To=whatsapp:+E164 from the WhatsApp sender, a free-form Body with the link and a settings hint', async () => {
    const server = serverOn('sqlite');
    const channel = await fakeChannel(server);
    const message = buildOutgoingMessage({ attempt: 2, notification: { title: 'Server down', body: 'api-1 stopped answering', actionUrl: '/incidents/42' } });

    const result = await channel.send(message);

    expect(channel).toMatchObject({ channel: 'whatsapp', provider: 'twilio:whatsapp' });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.auth).toEqual({ user: ACCOUNT_SID, password: AUTH_TOKEN });
    expect(request.params).toEqual({
      To: 'whatsapp:+14155550123',
      From: SENDER,
      Body: `Server down: api-1 stopped answering\n${server.ctx.publicUrl}/incidents/42\nStop WhatsApp messages: ${server.ctx.publicUrl}/settings/preferences`,
      Attempt: '2',
    });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('sends the approved template when TWILIO_WHATSAPP_CONTENT_SID is set: ContentSid + ContentVariables, no Body', async () => {
    const server = serverOn('sqlite');
    const channel = await fakeChannel(server, { TWILIO_WHATSAPP_CONTENT_SID: CONTENT_SID });
    await channel.send(buildOutgoingMessage({ notification: { title: 'Disk   full', body: '', actionUrl: 'https://ops.example.com/disks/7' } }));

    const { params } = fake.requests.at(-1)!;
    expect(params).toMatchObject({ To: 'whatsapp:+14155550123', From: SENDER, ContentSid: CONTENT_SID });
    expect(params.Body).toBeUndefined();
    // One line each and never empty: WhatsApp refuses an empty variable or one with a newline (63013).
    expect(JSON.parse(params.ContentVariables!)).toEqual({ '1': 'Disk full', '2': '–', '3': 'https://ops.example.com/disks/7' });
  });

  it('sends through a messaging service given as TWILIO_WHATSAPP_FROM', async () => {
    const channel = await fakeChannel(serverOn('sqlite'), { TWILIO_WHATSAPP_FROM: MESSAGING_SERVICE_SID });
    await channel.send(buildOutgoingMessage());
    const { params } = fake.requests.at(-1)!;
    expect(params).toMatchObject({ To: 'whatsapp:+14155550123', MessagingServiceSid: MESSAGING_SERVICE_SID });
    expect(params.From).toBeUndefined();
  });

  it('maps Twilio’s answers: 63016 permanent naming the template fix; 63003/63024 permanent; 429 + Retry-After → retry later; 63018, 503 transient', async () => {
    const channel = await fakeChannel(serverOn('sqlite'));
    fake.replyNext({ status: 400, code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.' });
    const outside = await failureOf(channel);
    expect(outside).toBeInstanceOf(PermanentDeliveryError);
    expect((outside as Error).message).toMatch(/24-hour customer-service window \(Twilio 63016\).*TWILIO_WHATSAPP_CONTENT_SID/);

    for (const code of [63003, 63024]) {
      fake.replyNext({ status: 400, code, message: `Twilio says ${code}` });
      const err = await failureOf(channel);
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect((err as Error).message).toBe(`Twilio says ${code}`);
    }

    fake.replyNext({ status: 429, code: 20429, message: 'Too Many Requests', retryAfter: 30 });
    const limited = await failureOf(channel);
    expect(limited).toBeInstanceOf(RetryLaterError);
    expect(limited).toMatchObject({ retryAfterMs: 30_000, message: 'Twilio rate limit (20429 Too Many Requests): retry after 30 s' });

    fake.replyNext({ status: 429, code: 20429 }, { status: 400, code: 63018, message: 'Rate limit exceeded for Channel' }, { status: 503 });
    for (let i = 0; i < 3; i++) {
      const err = await failureOf(channel);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(PermanentDeliveryError);
      expect(err).not.toBeInstanceOf(RetryLaterError);
    }
  });

  it('refuses a number that is not E.164 before any request', async () => {
    const channel = await fakeChannel(serverOn('sqlite'));
    const before = fake.requests.length;
    for (const phone of ['0151 2345678', 'whatsapp:+14155550123', null]) {
      await expect(channel.send(buildOutgoingMessage({ recipient: { phone } }))).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
    expect(fake.requests).toHaveLength(before);
  });

  it('without TWILIO_WHATSAPP_FROM stores the text in the dev outbox, once per delivery, listed under the WhatsApp filter', async () => {
    const server = serverOn('sqlite');
    const outbox = await createWhatsAppChannel(depsWith(server, {}));
    expect(outbox).toMatchObject({ channel: 'whatsapp', provider: 'dev-outbox' });
    const message = buildOutgoingMessage({ notification: { priority: 'critical', title: 'Disk full', body: '' } });
    const first = await outbox.send(message);
    const retry = await outbox.send({ ...message, attempt: 2 });
    expect(retry.providerMessageId).toBe(first.providerMessageId);

    const admin = new HttpClient(server.url);
    await admin.login('admin@example.com');
    const listed = await admin.request<{ items: { id: string; channel: string; to: string; text: string }[] }>('GET', '/api/admin/outbox?channel=whatsapp');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: first.providerMessageId, channel: 'whatsapp', to: 'whatsapp:+14155550123', text: `Disk full\n${server.ctx.publicUrl}/` }),
    ]);
  });
});

const v1 = (server: TestServer, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_API_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/** A recipient with a phone (and the consents asked for), made through the v1 users API. */
async function recipient(server: TestServer, consents: { smsConsent?: boolean; whatsappConsent?: boolean }) {
  const externalId = `wa-${randomUUID().slice(0, 8)}`;
  const phone = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  expect((await v1(server, 'PUT', `/users/${externalId}`, { email: `${externalId}@example.com`, name: 'Wanda', phone })).status).toBe(201);
  const contact = await v1(server, 'PATCH', `/users/${externalId}/contact`, consents);
  expect(contact.status).toBe(200);
  return { externalId, phone, preferences: (await contact.json()) as PreferencesDto };
}

async function deliveriesOf(server: TestServer, sendId: string) {
  return server.ctx.db.delivery.findMany({ where: { notification: { sendId } }, orderBy: { channel: 'asc' } });
}

async function settled(server: TestServer, sendId: string, done: (rows: Awaited<ReturnType<typeof deliveriesOf>>) => boolean, what: string) {
  let rows = await deliveriesOf(server, sendId);
  await waitFor(async () => done((rows = await deliveriesOf(server, sendId))), 10_000, what);
  return rows;
}

const CATEGORY = 'wa-alerts';

describe.each(DATABASES)('WhatsApp through routing and the delivery worker (%s)', (database) => {
  const server = () => serverOn(database);

  it('sends to a person who agreed to WhatsApp; SMS consent alone does not count; critical alone does not add WhatsApp', async () => {
    await server().ctx.db.category.upsert({ where: { key: CATEGORY }, create: { key: CATEGORY, label: 'Alerts', defaultChannels: 'in_app,whatsapp' }, update: {} });
    const wanda = await recipient(server(), { whatsappConsent: true });
    expect(wanda.preferences.contact.whatsappConsent).toMatchObject({ source: 'api' });
    expect(wanda.preferences.contact.smsConsent).toBeNull();
    expect(wanda.preferences.channels.whatsapp).toEqual({ enabled: true, available: true });

    const sent = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Pager: api-1 down', category: CATEGORY });
    expect(sent.status).toBe(202);
    const [delivery] = await settled(server(), sent.body.sendId, (rows) => rows[0]?.status === 'sent', 'the WhatsApp delivery to be sent');
    expect(delivery).toMatchObject({ channel: 'whatsapp', status: 'sent', providerMessageId: expect.stringMatching(/^SM/) });
    expect(fake.requests.at(-1)!.params).toMatchObject({ To: `whatsapp:${wanda.phone}`, From: SENDER });

    // SMS consent only: no WhatsApp delivery at all.
    const smsOnly = await recipient(server(), { smsConsent: true });
    expect(smsOnly.preferences.channels.whatsapp).toEqual({ enabled: true, available: false, reason: 'Give WhatsApp consent' });
    const skipped = await sendNotification(server().url, { to: [{ externalId: smsOnly.externalId }], title: 'Pager: api-2 down', category: CATEGORY });
    expect(await deliveriesOf(server(), skipped.body.sendId)).toEqual([]);

    // A critical notification in a category without WhatsApp: email only (and SMS, push where reachable).
    const critical = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Disk full', priority: 'critical' });
    expect((await deliveriesOf(server(), critical.body.sendId)).map((row) => row.channel)).toEqual(['email']);
  });

  it('withdrawn consent cancels the WhatsApp messages still waiting (quiet hours), and a new phone number withdraws it', async () => {
    const wanda = await recipient(server(), { whatsappConsent: true });
    const now = new Date();
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    const user = await server().ctx.db.user.update({
      where: { externalId: wanda.externalId },
      data: { quietHoursStart: hhmm(new Date(now.getTime() - 3_600_000)), quietHoursEnd: hhmm(new Date(now.getTime() + 3_600_000)) },
    });
    const sent = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Weekly report', category: CATEGORY });
    const [waiting] = await deliveriesOf(server(), sent.body.sendId);
    expect(waiting).toMatchObject({ channel: 'whatsapp', status: 'pending', deferredReason: 'quiet_hours' });

    const withdrawn = await v1(server(), 'PATCH', `/users/${wanda.externalId}/contact`, { whatsappConsent: false });
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as PreferencesDto).contact.whatsappConsent).toBeNull();
    expect(await deliveriesOf(server(), sent.body.sendId)).toEqual([expect.objectContaining({ status: 'cancelled', lastError: 'WhatsApp consent withdrawn' })]);

    // Consent is for one number: a new one clears it (and SMS consent) again.
    await v1(server(), 'PATCH', `/users/${wanda.externalId}/contact`, { whatsappConsent: true, smsConsent: true });
    const moved = await v1(server(), 'PATCH', `/users/${wanda.externalId}/contact`, { phone: '+14155550777' });
    expect(((await moved.json()) as PreferencesDto).contact).toMatchObject({ phone: '+14155550777', smsConsent: null, whatsappConsent: null });
    await server().ctx.db.user.update({ where: { id: user.id }, data: { quietHoursStart: null, quietHoursEnd: null } });
  });

  it('63016 (outside the 24-hour window) fails the delivery for good, naming the fix', async () => {
    const wanda = await recipient(server(), { whatsappConsent: true });
    fake.replyNext({ status: 400, code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.' });
    const sent = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Invoice overdue', category: CATEGORY });
    const [delivery] = await settled(server(), sent.body.sendId, (rows) => rows[0]?.status === 'failed', 'the refused delivery to fail');
    expect(delivery!.attempts).toBe(1);
    expect(delivery!.lastError).toMatch(/TWILIO_WHATSAPP_CONTENT_SID/);
  });

  it('a 429 is retried no sooner than Twilio’s Retry-After', async () => {
    const wanda = await recipient(server(), { whatsappConsent: true });
    fake.replyNext({ status: 429, code: 20429, message: 'Too Many Requests', retryAfter: 120 });
    const before = Date.now();
    const sent = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Slow down', category: CATEGORY });
    const [delivery] = await settled(server(), sent.body.sendId, (rows) => rows[0]?.attempts === 1 && rows[0].status === 'pending', 'the rate-limited attempt');
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(delivery!.lastError).toMatch(/retry after 120 s/);
    await server().ctx.db.delivery.update({ where: { id: delivery!.id }, data: { status: 'cancelled' } });
  });

  it('an outage (503s) is retried until Twilio answers again: sent, each attempt in the timeline', async () => {
    const wanda = await recipient(server(), { whatsappConsent: true });
    fake.replyNext({ status: 503, message: 'Service Unavailable' }, { status: 503, message: 'Service Unavailable' });
    const sent = await sendNotification(server().url, { to: [{ externalId: wanda.externalId }], title: 'Back soon', category: CATEGORY });
    const [delivery] = await settled(server(), sent.body.sendId, (rows) => rows[0]?.status === 'sent', 'the delivery to go out after the outage');
    const attempts = await server().ctx.db.deliveryAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { startedAt: 'asc' } });
    expect(attempts.map((attempt) => [attempt.outcome, attempt.provider])).toEqual([
      ['transient_error', 'twilio:whatsapp'],
      ['transient_error', 'twilio:whatsapp'],
      ['sent', 'twilio:whatsapp'],
    ]);
  });
});
