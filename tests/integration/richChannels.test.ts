import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { createEmailChannel } from '../../server/channels/email/createEmailChannel.js';
import { createWebPushChannel } from '../../server/channels/push/createPushChannel.js';
import type { PushPayload } from '../../server/channels/push/pushPayload.js';
import type { DeliveryChannel, OutgoingMessage } from '../../server/channels/types.js';
import { loadConfig } from '../../server/config.js';
import { parseActions } from '../../server/services/sends/sendSpec.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { createTestSubscription, startPushEndpoint, type PushEndpoint } from '../helpers/pushEndpoint.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Rich notifications (issue 11) in email (buttons, the one-click acknowledge link through a real SMTP peer)
// and Web Push (icon and actions in the payload the real push peer receives, the service worker's act route).

let server: TestServer;
let smtp: SmtpPeer;
let push: PushEndpoint;
let email: DeliveryChannel;
let webPush: DeliveryChannel;

const ACTIONS = [
  { id: 'approve', label: 'Approve', kind: 'acknowledge', style: 'primary' },
  { id: 'view', label: 'View request', kind: 'url', url: '/requests/42' },
];

beforeAll(async () => {
  [server, smtp, push] = await Promise.all([getTestServer({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }), startSmtpPeer(), startPushEndpoint()]);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', SMTP_URL: smtp.url });
  const { db, log, signingSecret, publicUrl } = server.ctx;
  const deps: ChannelDeps = { config, db, log, signingSecret, publicUrl };
  email = (await createEmailChannel(deps))[0]!;
  webPush = await createWebPushChannel(server.ctx, { ca: push.ca });
});
afterAll(async () => {
  await email?.close?.();
  await smtp?.stop();
  await push?.close();
  await server?.stop();
});

/** A notification with an icon and the two actions for alice (in-app only), as the delivery worker sends it. */
async function richMessage(icon = '/icons/ada.png'): Promise<OutgoingMessage> {
  const res = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Ada asks for 3 days off', body: 'From Monday', icon, actions: ACTIONS });
  expect(res.status).toBe(202);
  const n = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: res.body.notificationIds[0]! }, include: { user: true } });
  return {
    deliveryId: `rich-${n.id}`,
    attempt: 1,
    notification: { id: n.id, category: n.category, priority: 'normal', title: n.title, body: n.body, actionUrl: null, icon: n.icon, actions: parseActions(n.actions), createdAt: n.createdAt },
    recipient: { id: n.user.id, name: n.user.name, email: n.user.email, phone: null, locale: 'en', timezone: 'UTC' },
  };
}

const decodeAttr = (value: string) => value.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const page = (url: string, method = 'GET') => fetch(url, { method, redirect: 'manual' }).then(async (res) => ({ status: res.status, html: await res.text() }));
const actedOf = async (id: string) => server.ctx.db.notification.findUniqueOrThrow({ where: { id }, select: { actedActionId: true, readAt: true } });

describe('email', () => {
  it('shows the icon and the buttons; the acknowledge link asks on GET and records on POST', async () => {
    const message = await richMessage();
    const before = smtp.messages.length;
    await email.send(message);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const html = mail!.parsed.html as string;
    const publicUrl = server.ctx.publicUrl;

    expect(html).toContain(`<img src="${publicUrl}/icons/ada.png" alt=""`);
    const buttons = [...html.matchAll(/<a href="([^"]*)" data-action-button[^>]*>([^<]*)<\/a>/g)].map((m) => ({ url: decodeAttr(m[1]!), label: m[2] }));
    expect(buttons.map((b) => b.label)).toEqual(['Approve', 'View request']);
    expect(buttons[1]!.url).toBe(`${publicUrl}/requests/42`);
    const ackUrl = buttons[0]!.url;
    expect(ackUrl).toMatch(new RegExp(`^${publicUrl}/api/email-actions/act/[\\w-]+\\.[\\w-]+/approve$`));
    expect(mail!.parsed.text).toContain(`Approve: ${ackUrl}`);
    expect(mail!.parsed.text).toContain(`View request: ${publicUrl}/requests/42`);

    // A mail scanner's GET changes nothing: it gets a page with a confirm button.
    const ask = await page(ackUrl);
    expect(ask.status).toBe(200);
    expect(ask.html).toContain('<form method="post" action="approve"><button type="submit">Approve</button></form>');
    expect(await actedOf(message.notification.id)).toEqual({ actedActionId: null, readAt: null });

    const done = await page(ackUrl, 'POST');
    expect(done.status).toBe(200);
    expect(done.html).toContain('Answered: Approve');
    const acted = await actedOf(message.notification.id);
    expect(acted.actedActionId).toBe('approve');
    expect(acted.readAt).not.toBeNull();
    // Again: the same answer, no form.
    const again = await page(ackUrl);
    expect(again.html).toContain('Answered: Approve');
    expect(again.html).not.toContain('<form');
  });

  it('answers a tampered or unknown link with a page, changing nothing', async () => {
    const message = await richMessage();
    const before = smtp.messages.length;
    await email.send(message);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(-1);
    const ackUrl = decodeAttr(/<a href="([^"]*\/api\/email-actions\/act\/[^"]*)"/.exec(mail!.parsed.html as string)![1]!);

    expect((await page(ackUrl.replace(/\.[\w-]+\/approve$/, '.AAAA/approve'), 'POST')).status).toBe(400);
    expect((await page(ackUrl.replace(/approve$/, 'view'), 'POST')).status).toBe(404); // a url action has no such link
    expect((await page(ackUrl.replace(/approve$/, 'reject'))).status).toBe(404);
    expect((await page(ackUrl.replace(/approve$/, 'Not%20a%20slug'))).status).toBe(400);
    expect(await actedOf(message.notification.id)).toEqual({ actedActionId: null, readAt: null });
  });
});

describe('web push', () => {
  it('carries the icon and the actions, and records a button click from the service worker', async () => {
    const alice = new HttpClient(server.url);
    await alice.login('alice@example.com');
    const device = createTestSubscription(push.newEndpointUrl());
    expect((await alice.request('POST', '/api/push/subscriptions', device.subscription)).status).toBe(201);
    const message = await richMessage('https://cdn.example.com/ada.png');
    const since = push.requests.length;

    await webPush.send(message);

    const payload = JSON.parse(device.decrypt((await push.nextRequest(device.subscription.endpoint, since)).body)) as PushPayload;
    expect(payload).toMatchObject({
      id: message.notification.id,
      icon: 'https://cdn.example.com/ada.png',
      actions: [
        { id: 'approve', label: 'Approve', kind: 'acknowledge' },
        { id: 'view', label: 'View request', kind: 'url', url: `${server.ctx.publicUrl}/requests/42` },
      ],
    });

    // The service worker's notificationclick with event.action === 'view'.
    const act = (actionId: string) =>
      fetch(`${server.url}/api/push-actions/act`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: payload.readToken, actionId }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));
    expect(await act('view')).toEqual({ status: 200, body: { url: `${server.ctx.publicUrl}/requests/42` } });
    expect((await actedOf(message.notification.id)).actedActionId).toBe('view');
    const other = await act('approve');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('already_acted');
    const forged = await fetch(`${server.url}/api/push-actions/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: `${payload.readToken}x`, actionId: 'view' }),
    });
    expect(forged.status).toBe(400);
  });
});
