import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { createSmsChannel, createTwilioSmsChannel, createTwilioSmsChannels } from '../../server/channels/sms/createSmsChannel.js';
import { SMS_TEXT_LIMIT } from '../../server/channels/sms/smsText.js';
import { PermanentDeliveryError, RetryLaterError, type DeliveryChannel } from '../../server/channels/types.js';
import { loadConfig } from '../../server/config.js';
import { createProviderBreaker } from '../../server/delivery/providerBreaker.js';
import { sendWithFailover } from '../../server/delivery/sendWithFailover.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { FakeTwilioHttpClient, startTwilioFake, type TwilioFake } from '../helpers/twilioFake.js';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token-0123456789';
const MESSAGING_SERVICE_SID = `MG${'fedcba9876543210'.repeat(2)}`;

let server: TestServer;
let fake: TwilioFake;
let channel: DeliveryChannel;

function depsWith(env: Record<string, string>): ChannelDeps {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', ...env });
  const { db, log, signingSecret, publicUrl } = server.ctx;
  return { config, db, log, signingSecret, publicUrl };
}

const twilioEnv = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: '+15005550006' };

beforeAll(async () => {
  [server, fake] = await Promise.all([getTestServer(), startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })]);
  channel = await createTwilioSmsChannel(depsWith(twilioEnv), { httpClient: new FakeTwilioHttpClient(fake.origin) });
});
afterAll(async () => {
  await fake?.close();
  await server?.stop();
});

describe('Twilio (real SDK, local fake)', () => {
  it('posts To, From and a Body with the action link, authenticated as the account', async () => {
    const before = fake.requests.length;
    const message = buildOutgoingMessage({
      attempt: 2,
      notification: { priority: 'critical', title: 'Server down', body: 'api-1 stopped answering', actionUrl: '/incidents/42' },
    });

    const result = await channel.send(message);

    expect(channel.provider).toBe('twilio');
    expect(fake.requests).toHaveLength(before + 1);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.auth).toEqual({ user: ACCOUNT_SID, password: AUTH_TOKEN });
    expect(request.params).toMatchObject({
      To: '+14155550123',
      From: '+15005550006',
      Body: `Server down: api-1 stopped answering\n${server.ctx.publicUrl}/incidents/42`,
      Attempt: '2',
    });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it('keeps title and body to the cap, then the inbox link, and an opt-out hint when not critical', async () => {
    const body = 'x'.repeat(1000);
    await channel.send(buildOutgoingMessage({ notification: { title: 'Report ready', body } }));

    const [text, link, hint] = fake.requests.at(-1)!.params.Body!.split('\n');
    expect(Array.from(text!)).toHaveLength(SMS_TEXT_LIMIT);
    expect(text!.startsWith('Report ready: xxx')).toBe(true);
    expect(text!.endsWith('x…')).toBe(true);
    expect(link).toBe(`${server.ctx.publicUrl}/`);
    expect(hint).toBe('Reply STOP to opt out');
  });

  it('offers no opt-out for a critical (locked) category, whatever the priority', async () => {
    await channel.send(buildOutgoingMessage({ notification: { category: 'security', priority: 'normal', title: 'New sign-in', body: 'Chrome on Linux' } }));
    expect(fake.requests.at(-1)!.params.Body).toBe(`New sign-in: Chrome on Linux\n${server.ctx.publicUrl}/`);
  });

  it('sends through a messaging service when one is configured', async () => {
    const viaService = await createTwilioSmsChannel(
      depsWith({ ...twilioEnv, TWILIO_FROM: '', TWILIO_MESSAGING_SERVICE_SID: MESSAGING_SERVICE_SID }),
      { httpClient: new FakeTwilioHttpClient(fake.origin) },
    );
    await viaService.send(buildOutgoingMessage());
    const { params } = fake.requests.at(-1)!;
    expect(params.MessagingServiceSid).toBe(MESSAGING_SERVICE_SID);
    expect(params.From).toBeUndefined();
  });

  it('refuses a number that is not E.164 before any request', async () => {
    const before = fake.requests.length;
    for (const phone of ['0151 2345678', '+0123456789', '+1', null]) {
      await expect(channel.send(buildOutgoingMessage({ recipient: { phone } }))).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
    expect(fake.requests).toHaveLength(before);
  });

  it('21211/21610/21614 are permanent; 429, 500 and a network error are transient', async () => {
    for (const code of [21211, 21610, 21614]) {
      fake.replyNext({ status: 400, code, message: `Twilio says ${code}` });
      const err = await channel.send(buildOutgoingMessage()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect((err as Error).message).toBe(`Twilio says ${code}`);
    }
    fake.replyNext({ status: 429, code: 20429, message: 'Too Many Requests' }, { status: 500, message: 'Internal error' });
    for (let i = 0; i < 2; i++) {
      const err = await channel.send(buildOutgoingMessage()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    }

    const unreachable = await startTwilioFake();
    await unreachable.close();
    const offline = await createTwilioSmsChannel(depsWith(twilioEnv), { httpClient: new FakeTwilioHttpClient(unreachable.origin) });
    const err = await offline.send(buildOutgoingMessage()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('a 429 with Retry-After asks the worker to wait that long (shared with WhatsApp)', async () => {
    fake.replyNext({ status: 429, code: 20429, message: 'Too Many Requests', retryAfter: 45 });
    const err = await channel.send(buildOutgoingMessage()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect((err as RetryLaterError).retryAfterMs).toBe(45_000);
  });

  it('wrong credentials are transient (a configuration problem for the breaker, not the recipient)', async () => {
    const wrong = await createTwilioSmsChannel(depsWith({ ...twilioEnv, TWILIO_AUTH_TOKEN: 'not-the-right-token-000' }), {
      httpClient: new FakeTwilioHttpClient(fake.origin),
    });
    const err = await wrong.send(buildOutgoingMessage()).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: 20003 });
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe('a fallback Twilio account (TWILIO_FALLBACK_*)', () => {
  it('is tried after the first account fails transiently, authenticated as itself', async () => {
    const FALLBACK_SID = `AC${'89abcdef01234567'.repeat(2)}`;
    const twilio = await startTwilioFake();
    try {
      const env = { ...twilioEnv, TWILIO_FALLBACK_ACCOUNT_SID: FALLBACK_SID, TWILIO_FALLBACK_AUTH_TOKEN: 'fallback-token-0123456789', TWILIO_FALLBACK_FROM: '+15005550007' };
      const providers = await createTwilioSmsChannels(depsWith(env), { httpClient: new FakeTwilioHttpClient(twilio.origin) });
      expect(providers.map((p) => p.provider)).toEqual(['twilio', 'twilio:fallback']);
      const breakers = new Map<string, ReturnType<typeof createProviderBreaker>>();
      const breakerFor = (name: string) => breakers.get(name) ?? breakers.set(name, createProviderBreaker(name, { threshold: 5, cooldownMs: 1000, probeLeaseMs: 1000 }, () => undefined, server.ctx.log)).get(name)!;

      twilio.replyNext({ status: 503, code: 20503, message: 'Service unavailable' });
      const result = await sendWithFailover(providers, breakerFor, (p) => p.send(buildOutgoingMessage()));

      expect(result).toMatchObject({ kind: 'tried', tries: [{ provider: 'twilio', outcome: 'transient_error' }, { provider: 'twilio:fallback', outcome: 'sent' }] });
      expect(twilio.requests.map((r) => [r.accountSid, r.auth?.user, r.params.From])).toEqual([
        [ACCOUNT_SID, ACCOUNT_SID, '+15005550006'],
        [FALLBACK_SID, FALLBACK_SID, '+15005550007'],
      ]);
    } finally {
      await twilio.close();
    }
  });
});

describe('dev outbox (no TWILIO_*)', () => {
  it('stores the text instead of sending, once per delivery, and still validates the number', async () => {
    const outbox = (await createSmsChannel(depsWith({})))[0]!;
    expect(outbox.provider).toBe('dev-outbox');
    const message = buildOutgoingMessage({ notification: { priority: 'critical', title: 'Disk full', body: '' } });

    const first = await outbox.send(message);
    const retry = await outbox.send({ ...message, attempt: 2 });

    expect(retry.providerMessageId).toBe(first.providerMessageId);
    const rows = await server.ctx.db.outboxMessage.findMany({ where: { deliveryId: message.deliveryId } });
    expect(rows).toEqual([
      expect.objectContaining({ id: first.providerMessageId, channel: 'sms', to: '+14155550123', text: `Disk full\n${server.ctx.publicUrl}/` }),
    ]);
    await expect(outbox.send(buildOutgoingMessage({ recipient: { phone: '12345' } }))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });
});
