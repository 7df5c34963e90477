import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel } from '../../server/channels/push/createPushChannel.js';
import { createTwilioSmsChannel } from '../../server/channels/sms/createSmsChannel.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint } from '../helpers/pushEndpoint.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { InboxSocket, waitFor } from '../helpers/socketClient.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';
import { FakeTwilioHttpClient, startTwilioFake, type TwilioFake } from '../helpers/twilioFake.js';

const twilioAccount = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'test-auth-token-0123456789' };
const BOB_PHONE = '+14155550123';

let smtp: SmtpPeer;
let twilio: TwilioFake;
let push: PushEndpoint;
let server: TestServer;

beforeAll(async () => {
  [smtp, twilio, push] = await Promise.all([startSmtpPeer(), startTwilioFake(twilioAccount), startPushEndpoint()]);
  server = await getTestServer(
    {
      SMTP_URL: smtp.url,
      TWILIO_ACCOUNT_SID: twilioAccount.accountSid,
      TWILIO_AUTH_TOKEN: twilioAccount.authToken,
      TWILIO_FROM: '+15005550006',
      DELIVERY_INTERVAL_MS: '50',
      // The push peer listens on loopback, which the outbound rule refuses by default.
      OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    },
    {
      // The real Twilio SDK and web-push, pointed at the local peers (Twilio's host / a self-signed CA).
      channels: {
        sms: (deps) => createTwilioSmsChannel(deps, { httpClient: new FakeTwilioHttpClient(twilio.origin) }),
        push: (deps) => createWebPushChannel(deps, { ca: push.ca }),
      },
    },
  );
});
afterAll(async () => {
  await server.stop();
  await Promise.all([smtp.stop(), twilio.close(), push.close()]);
});

describe('a critical notification', () => {
  it('lands in the inbox live and by email, SMS and push for a user reachable on all three', async () => {
    await server.ctx.db.user.update({ where: { email: 'bob@example.com' }, data: { phone: BOB_PHONE, smsConsentAt: new Date() } });
    const bob = new HttpClient(server.url);
    await bob.login('bob@example.com');
    const device = createTestSubscription(push.newEndpointUrl());
    expect((await bob.request('POST', '/api/push/subscriptions', device.subscription)).status).toBe(201);
    const socket = new InboxSocket(server.url, bob.cookie);
    await socket.connect();

    const postedAt = Date.now();
    const res = await sendNotification(server.url, {
      to: [{ email: 'bob@example.com' }],
      title: 'Primary database unreachable',
      body: 'Failover started.',
      priority: 'critical',
      actionUrl: '/incidents/42',
    });
    expect(res.status).toBe(202);

    await waitFor(() => socket.received.some((n) => n.title === 'Primary database unreachable'), 5000, 'inbox');
    const inAppMs = Date.now() - postedAt;
    const [mail] = await smtp.waitForMessages(1);
    await waitFor(() => twilio.requests.length === 1, 5000, 'sms');
    const pushed = await push.nextRequest(device.subscription.endpoint);

    expect(mail!.envelope.to).toEqual(['bob@example.com']);
    expect(mail!.parsed.subject).toContain('Primary database unreachable');
    // The email's button leads to the app's /open page (its GET changes nothing); the person's open there
    // (a POST of the link's token) marks the notification read, then the page goes to the action URL.
    const openLink = /View details: (\S+)/.exec(mail!.parsed.text ?? '')![1]!;
    const token = openLink.split('/').pop()!;
    const opened = await fetch(openLink, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/open/${token}`);
    const read = await fetch(`${server.url}/api/email-actions/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(await read.json()).toEqual({ url: '/incidents/42' });
    await waitFor(() => socket.updates.some((n) => n.title === 'Primary database unreachable' && n.readAt !== null), 5000, 'read via email');
    expect(twilio.requests[0]!.params).toMatchObject({ To: BOB_PHONE, From: '+15005550006' });
    expect(twilio.requests[0]!.params.Body).toContain('Primary database unreachable');
    expect(JSON.parse(device.decrypt(pushed.body))).toMatchObject({ title: 'Primary database unreachable', priority: 'critical' });

    const deliveries = await server.ctx.db.delivery.findMany({ where: { notificationId: res.body.notificationIds[0]! } });
    expect(deliveries.map((d) => d.channel).sort()).toEqual(['email', 'push', 'sms']);
    console.log(
      `[measure] critical fan-out, POST → arrival: in-app ${inAppMs} ms, email ${mail!.receivedAt - postedAt} ms, ` +
        `sms ${twilio.requests[0]!.receivedAt - postedAt} ms, push ${pushed.receivedAt - postedAt} ms`,
    );
    socket.disconnect();
  });

  it('skips channels the user cannot be reached on or did not consent to', async () => {
    await server.ctx.db.user.update({ where: { email: 'alice@example.com' }, data: { phone: '+14155550999', smsConsentAt: null } });
    const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'No consent', priority: 'critical' });
    const deliveries = await server.ctx.db.delivery.findMany({ where: { notificationId: res.body.notificationIds[0]! } });
    expect(deliveries.map((d) => d.channel)).toEqual(['email']);
  });
});
