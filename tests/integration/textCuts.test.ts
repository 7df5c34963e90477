/**
 * Issue 8 item 11: every place that shortens text cuts on grapheme clusters and stays within its limit.
 * Each case puts the limit inside an emoji sequence, where a String.slice cut leaves a lone surrogate
 * (stored as U+FFFD by the database, sent as is over the socket) or splits 👍🏽 into 👍 + a dangling tone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsChannel } from '../../server/channels/sms/createSmsChannel.js';
import { SMS_TEXT_LIMIT } from '../../server/channels/sms/smsText.js';
import { loadConfig } from '../../server/config.js';
import { runDigests } from '../../server/services/digests/runDigests.js';
import { LIMITS } from '../../shared/schemas/notification.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { expectCleanCut } from '../helpers/text.js';
import { FakeTwilioHttpClient, startTwilioFake, type TwilioFake } from '../helpers/twilioFake.js';

const THUMBS = '👍🏽'; // 4 code units, 2 code points, 1 grapheme
const FAMILY = '👩‍👩‍👧'; // 8 code units, 5 code points, 1 grapheme

let server: TestServer;
let smtp: SmtpPeer;
let twilio: TwilioFake;

beforeAll(async () => {
  [smtp, twilio] = await Promise.all([
    startSmtpPeer(),
    startTwilioFake({ accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'test-auth-token-0123456789' }),
  ]);
  server = await getTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.stop();
  await Promise.all([smtp?.stop(), twilio?.close()]);
});

describe('titles rendered from a template', () => {
  it.each([
    ['a skin-toned emoji', 'x'.repeat(198) + THUMBS.repeat(3)],
    ['a family emoji', 'x'.repeat(195) + FAMILY.repeat(2)],
  ])('are cut on a grapheme boundary when the limit falls inside %s: stored and live', async (_what, rendered) => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const socket = new InboxSocket(server.url, alice.cookie);
    await socket.connect();

    const res = await sendNotification(server.url, {
      to: [{ email: 'alice@example.com' }],
      title: '{{data.text}}',
      data: { text: rendered },
      channels: { email: false, sms: false, push: false },
    });
    expect(res.status).toBe(202);
    const [id] = res.body.notificationIds;
    await waitFor(() => socket.received.some((n) => n.id === id), 5000, 'the live notification');

    const live = socket.received.find((n) => n.id === id)!;
    expectCleanCut(live.title, rendered, LIMITS.titleMax);
    const stored = (await alice.get('/api/notifications')).body.items.find((n: { id: string }) => n.id === id);
    expectCleanCut(stored.title, rendered, LIMITS.titleMax);
    expect(stored.title).toBe(live.title);
    socket.disconnect();
  });
});

describe('SMS text (real Twilio SDK, local fake)', () => {
  it('cuts title: body on a grapheme boundary within SMS_TEXT_LIMIT code units', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: server.dataDir,
      LOG_LEVEL: 'silent',
      TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
      TWILIO_AUTH_TOKEN: 'test-auth-token-0123456789',
      TWILIO_FROM: '+15005550006',
    });
    const { db, log, signingSecret, publicUrl } = server.ctx;
    const channel = await createTwilioSmsChannel({ config, db, log, signingSecret, publicUrl }, { httpClient: new FakeTwilioHttpClient(twilio.origin) });
    // "Alerts: " + 300 × "x" leaves room for 5½ 👍🏽 by code points, 3 by code units.
    const title = 'Alerts';
    const body = 'x'.repeat(300) + THUMBS.repeat(20);
    await channel.send(buildOutgoingMessage({ notification: { title, body } }));

    const [text] = twilio.requests.at(-1)!.params.Body!.split('\n');
    expectCleanCut(text!, `${title}: ${body}`, SMS_TEXT_LIMIT);
  });
});

describe('digest excerpts (real SMTP peer)', () => {
  it('cut the body on a grapheme boundary', async () => {
    const user = await server.ctx.db.user.create({ data: { email: 'digest-cut@example.com', name: 'Digest Cut', inboxSeq: 1 } });
    const body = 'x'.repeat(159) + THUMBS.repeat(10);
    // Years ahead of the real clock, so the running digest scheduler never takes it first.
    await server.ctx.db.notification.create({
      data: { userId: user.id, seq: 1, category: 'general', title: 'Long one', body, digest: 'hourly', createdAt: new Date('2031-03-10T10:05:00Z') },
    });
    expect((await runDigests(server.ctx, new Date('2031-03-10T11:00:00Z'))).sent).toBe(1);

    const mail = smtp.messages.find((m) => m.envelope.to.includes(user.email))!.parsed;
    const line = mail.text!.split('\n').find((l) => l.includes('xxxxx'))!.trim();
    expectCleanCut(line, body, 160);
    expect(mail.html).not.toContain('\ufffd');
  });
});
