import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { createDevOutboxTeamsChannel, createTeamsWebhookChannel } from '../../server/channels/teams/createTeamsChannel.js';
import { composeTeamsMessage, type TeamsMessage } from '../../server/channels/teams/teamsCard.js';
import { PermanentDeliveryError, RetryLaterError } from '../../server/channels/types.js';
import { loadConfig } from '../../server/config.js';
import { sendNotification } from '../helpers/apiSender.js';
import { DATABASES, useServerPerDatabase, type TestDatabase } from '../helpers/bothDatabases.js';
import { eventually } from '../helpers/eventually.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { TEST_API_KEY } from '../helpers/testServer.js';
import { startWebhookReceiver } from '../helpers/webhookReceiver.js';

// Issue 13, Microsoft Teams: Adaptive Cards posted to each person's incoming webhook / Workflows URL, against a
// local HTTPS receiver (the outgoing webhooks' one): envelope, rate limits, removed webhooks, an outage, and the
// outbound rules on input and at send time; through routing and the delivery worker on SQLite and PostgreSQL.

const receiver = await startWebhookReceiver();
afterAll(() => receiver.close());

const server = useServerPerDatabase(
  {
    OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    DELIVERY_INTERVAL_MS: '50',
    DELIVERY_BACKOFF_BASE_MS: '100',
    DELIVERY_BACKOFF_MAX_MS: '400',
    // An outage's failed attempts must not open the breaker for the rest of the file.
    BREAKER_THRESHOLD: '1000',
  },
  { channels: { teams: (deps) => createTeamsWebhookChannel(deps, { ca: receiver.ca }) } },
);

function depsWith(database: TestDatabase, env: Record<string, string>): ChannelDeps {
  const { ctx, dataDir } = server(database);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  return { config, db: ctx.db, log: ctx.log, signingSecret: ctx.signingSecret, publicUrl: ctx.publicUrl };
}


function putUser(database: TestDatabase, externalId: string, body: Record<string, unknown>) {
  return fetch(`${server(database).url}/api/v1/users/${externalId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
    body: JSON.stringify(body),
  });
}

const deliveriesOf = (database: TestDatabase, sendId: string) => server(database).ctx.db.delivery.findMany({ where: { notification: { sendId } } });

describe('Teams channel (real channel, local HTTPS receiver)', () => {
  it('POSTs the message envelope with one Adaptive Card as JSON; a Workflows 202 and a connector’s 200 "1" are sent', async () => {
    const channel = createTeamsWebhookChannel(depsWith('sqlite', { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }), { ca: receiver.ca });
    const url = receiver.newUrl();
    receiver.respond(url, [202, { status: 200, body: '1' }]);
    const message = buildOutgoingMessage({
      recipient: { teamsWebhookUrl: url },
      notification: { title: 'Deploy failed', body: 'Step **3** failed: [retry](https://evil.example)', actionUrl: 'https://ci.example.com/runs/42' },
    });
    await expect(channel.send(message)).resolves.toEqual({ providerMessageId: null });
    await expect(channel.send(message)).resolves.toEqual({ providerMessageId: null });

    const [request] = await receiver.received(url, 2);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('FlashNotify-Teams');
    // Exactly the builder's envelope and card (pinned field by field in tests/unit/teamsCard.test.ts), escaped.
    const posted = JSON.parse(request!.body) as TeamsMessage;
    expect(posted).toEqual(composeTeamsMessage(server('sqlite').ctx, message));
    expect(posted).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5' } }] });
    expect(posted.attachments[0].content.body[1]).toEqual({ type: 'TextBlock', text: 'Step \\*\\*3\\*\\* failed: \\[retry\\](https://evil.example)', wrap: true });
    await channel.close?.();
  });

  it('reads the answers: 429 + Retry-After → retry later; 404/410 → permanent with the reason; 500 and a connector’s 200 error line → transient', async () => {
    const channel = createTeamsWebhookChannel(depsWith('sqlite', { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }), { ca: receiver.ca });
    const url = receiver.newUrl();
    receiver.respond(url, [
      { status: 429, headers: { 'retry-after': '30' } },
      { status: 404, body: 'Webhook not found' },
      { status: 410, body: 'The workflow is turned off' },
      500,
      { status: 200, body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0' },
    ]);
    const message = buildOutgoingMessage({ recipient: { teamsWebhookUrl: url } });
    const limited = await channel.send(message).catch((err: unknown) => err);
    expect(limited).toBeInstanceOf(RetryLaterError);
    expect((limited as RetryLaterError).retryAfterMs).toBe(30_000);
    await expect(channel.send(message)).rejects.toThrow(new PermanentDeliveryError('Teams refused: HTTP 404: Webhook not found'));
    await expect(channel.send(message)).rejects.toThrow(new PermanentDeliveryError('Teams refused: HTTP 410: The workflow is turned off'));
    for (const reason of [/HTTP 500/, /HTTP 429 \(in a 200 answer\)/]) {
      const error = await channel.send(message).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(PermanentDeliveryError);
      expect(String(error)).toMatch(reason);
    }
    await channel.close?.();
  });

  it('refuses a private address at send time: by the URL rule, and at connect time for a name that resolves to one', async () => {
    const before = receiver.requests.length;
    // The policy of a server that does not list 127.0.0.1 (the URL was stored under a looser one).
    const strict = createTeamsWebhookChannel(depsWith('sqlite', {}), { ca: receiver.ca });
    const byRule = await strict.send(buildOutgoingMessage({ recipient: { teamsWebhookUrl: receiver.newUrl() } })).catch((err: unknown) => err);
    expect(byRule).toBeInstanceOf(PermanentDeliveryError);
    expect(String(byRule)).toMatch(/127\.0\.0\.1 is a loopback address/);

    // `localhost` listed as a name passes the URL rule; the address it resolves to is still refused.
    const byName = createTeamsWebhookChannel(depsWith('sqlite', { OUTBOUND_ALLOWED_HOSTS: 'localhost' }), { ca: receiver.ca });
    const url = receiver.newUrl().replace('127.0.0.1', 'localhost');
    const atConnect = await byName.send(buildOutgoingMessage({ recipient: { teamsWebhookUrl: url } })).catch((err: unknown) => err);
    expect(atConnect).toBeInstanceOf(PermanentDeliveryError);
    expect(String(atConnect)).toMatch(/Refused to connect: localhost resolves to/);
    expect(receiver.requests.length).toBe(before);
    await strict.close?.();
    await byName.close?.();
  });

  it('with TEAMS_DEV_OUTBOX stores the card instead, under the URL’s host only (the path is the secret)', async () => {
    const dev = createDevOutboxTeamsChannel(depsWith('sqlite', { TEAMS_DEV_OUTBOX: 'true' }));
    expect(dev.provider).toBe('dev-outbox');
    const message = buildOutgoingMessage({ recipient: { teamsWebhookUrl: 'https://contoso.webhook.office.com/webhookb2/secret-part' }, notification: { title: 'Weekly report' } });
    const first = await dev.send(message);
    expect((await dev.send({ ...message, attempt: 2 })).providerMessageId).toBe(first.providerMessageId);
    const stored = await server('sqlite').ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: first.providerMessageId! } });
    expect(stored).toMatchObject({ channel: 'teams', to: 'contoso.webhook.office.com', subject: 'Weekly report' });
    expect(stored.text).not.toContain('secret-part');
    expect(JSON.parse(stored.text)).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    // No URL at all: still stored (to their email), so a dev box sees the card.
    const noUrl = await dev.send(buildOutgoingMessage({ recipient: { teamsWebhookUrl: null, email: 'ada@example.com' } }));
    expect(await server('sqlite').ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: noUrl.providerMessageId! } })).toMatchObject({ to: 'ada@example.com' });
  });
});

describe.each(DATABASES)('Teams through the v1 users API, routing and the delivery worker on %s', (database) => {
  const category = `teams-${database}`;
  const hook = receiver.newUrl();

  it('takes a teamsWebhookUrl on the v1 users API; refuses a private or plain-http one with a 400 naming it', async () => {
    for (const bad of ['https://10.0.0.5/hook', 'http://example.com/hook', 'https://localhost/hook']) {
      const refused = await putUser(database, 'teams-bad', { email: 'teams.bad@example.com', name: 'Bad', teamsWebhookUrl: bad });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { error: { code: string; details: { path: string; message: string }[] } };
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details).toEqual([{ path: 'teamsWebhookUrl', message: expect.stringMatching(/^Must be/) }]);
    }
    expect(await server(database).ctx.db.user.findUnique({ where: { externalId: 'teams-bad' } })).toBeNull();

    const put = await putUser(database, 'teams-ada', { email: 'ada.teams@example.com', name: 'Ada', teamsWebhookUrl: hook });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ teamsWebhookUrl: hook });
    await server(database).ctx.db.category.create({ data: { key: category, label: 'Deploys', defaultChannels: 'in_app,teams' } });
  });

  it('a category whose channels include Teams posts the card to the person’s URL; critical elsewhere does not add Teams', async () => {
    const sent = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'Release 4.2 is out', category });
    expect(sent.status).toBe(202);
    const [delivery] = await eventually(() => deliveriesOf(database, sent.body.sendId), (rows) => rows[0]?.status === 'sent', 'the Teams delivery to be sent');
    expect(delivery).toMatchObject({ channel: 'teams', status: 'sent' });
    const [request] = await receiver.received(hook, 1);
    expect(JSON.parse(request!.body).attachments[0].content.body[0]).toMatchObject({ text: 'Release 4.2 is out' });

    const critical = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'Disk full', priority: 'critical' });
    const rows = await deliveriesOf(database, critical.body.sendId);
    expect(rows.map((row) => row.channel)).toEqual(['email']);
  });

  it('an outage: the receiver down, the attempt fails transiently and is retried; delivered once it is back', async () => {
    await receiver.down();
    try {
      const sent = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'During the outage', category });
      await eventually(() => deliveriesOf(database, sent.body.sendId), (rows) => (rows[0]?.attempts ?? 0) >= 1 && rows[0]!.status === 'pending', 'a failed attempt');
      const [pending] = await deliveriesOf(database, sent.body.sendId);
      expect(pending!.lastError).toMatch(/Teams webhook unreachable: .*ECONNREFUSED/);
      expect(pending!.lastError).not.toContain(new URL(hook).pathname);
      await receiver.up();
      const [delivered] = await eventually(() => deliveriesOf(database, sent.body.sendId), (rows) => rows[0]?.status === 'sent', 'the delivery after the outage');
      expect(delivered!.attempts).toBeGreaterThanOrEqual(2);
      const attempts = await server(database).ctx.db.deliveryAttempt.findMany({ where: { deliveryId: delivered!.id }, orderBy: { attempt: 'asc' } });
      expect(attempts.at(0)).toMatchObject({ outcome: 'transient_error', provider: 'teams-webhook' });
      expect(attempts.at(-1)).toMatchObject({ outcome: 'sent', provider: 'teams-webhook' });
    } finally {
      await receiver.up();
    }
  });

  it('a 429 is retried no sooner than its Retry-After; a removed webhook (410) fails at once, with the reason', async () => {
    receiver.respond(hook, [{ status: 429, headers: { 'retry-after': '120' } }]);
    const before = Date.now();
    const limited = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'Slow down', category });
    const [waiting] = await eventually(() => deliveriesOf(database, limited.body.sendId), (rows) => rows[0]?.attempts === 1 && rows[0].status === 'pending', 'the rate-limited attempt');
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(waiting!.lastError).toMatch(/retry after 120 s/);

    receiver.respond(hook, [{ status: 410, body: 'Gone' }]);
    const gone = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'Into the void', category });
    const [failed] = await eventually(() => deliveriesOf(database, gone.body.sendId), (rows) => rows[0]?.status === 'failed', 'the permanent failure');
    expect(failed).toMatchObject({ attempts: 1, lastError: 'Teams refused: HTTP 410: Gone' });
  });

  it('a URL stored before the outbound rules refused it fails at send time, without a request', async () => {
    await server(database).ctx.db.user.update({ where: { externalId: 'teams-ada' }, data: { teamsWebhookUrl: 'https://10.0.0.5/hook' } });
    const before = receiver.requests.length;
    const sent = await sendNotification(server(database).url, { to: [{ externalId: 'teams-ada' }], title: 'Nowhere', category });
    const [failed] = await eventually(() => deliveriesOf(database, sent.body.sendId), (rows) => rows[0]?.status === 'failed', 'the refused delivery');
    expect(failed!.lastError).toMatch(/Teams webhook URL refused: Must be a public host: 10\.0\.0\.5 is a private address/);
    expect(receiver.requests.length).toBe(before);
  });
});
