import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDeps } from '../../server/channels/createChannels.js';
import { createSlackBotChannel, createSlackChannel } from '../../server/channels/slack/createSlackChannel.js';
import { PermanentDeliveryError, RetryLaterError, type DeliveryChannel } from '../../server/channels/types.js';
import { loadConfig } from '../../server/config.js';
import { sendNotification } from '../helpers/apiSender.js';
import { eventually } from '../helpers/eventually.js';
import { buildOutgoingMessage } from '../helpers/outgoingMessage.js';
import { startSlackPeer, type SlackPeer } from '../helpers/slackPeer.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

// Issue 13: Slack DMs through the official @slack/web-api client, against a local peer speaking the Web API.

const TOKEN = 'xoxb-123-456-test';
let slack: SlackPeer;
let server: TestServer;
let channel: DeliveryChannel;

function depsWith(env: Record<string, string>): ChannelDeps {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent', ...env });
  const { db, log, signingSecret, publicUrl } = server.ctx;
  return { config, db, log, signingSecret, publicUrl };
}

const callsOf = (method: string) => slack.calls.filter((call) => call.method === method);


beforeAll(async () => {
  slack = await startSlackPeer(TOKEN);
  server = await getTestServer({ SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.apiUrl, DELIVERY_INTERVAL_MS: '50', DELIVERY_BACKOFF_BASE_MS: '100', DELIVERY_BACKOFF_MAX_MS: '400' });
  channel = createSlackBotChannel(depsWith({ SLACK_API_URL: slack.apiUrl }), TOKEN);
});
afterAll(async () => {
  await server?.stop();
  await slack?.close();
});

describe('Slack channel (real client, local Web API peer)', () => {
  it('posts a Block Kit DM to the member: title header, escaped body, link buttons; authenticated with the bot token', async () => {
    const message = buildOutgoingMessage({
      recipient: { slackUserId: 'U0SLACK1' },
      notification: {
        title: 'Deploy failed',
        body: 'Step <test> failed & <!channel> was not pinged',
        actionUrl: 'https://ci.example.com/runs/42',
      },
    });
    const result = await channel.send(message);

    const [post] = callsOf('chat.postMessage').slice(-1);
    expect(post!.token).toBe(TOKEN);
    expect(post!.args).toMatchObject({ channel: 'U0SLACK1', text: 'Deploy failed' });
    expect(post!.args.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Deploy failed', emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Step &lt;test&gt; failed &amp; &lt;!channel&gt; was not pinged' } },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'flashnotify_0', text: { type: 'plain_text', text: 'Open', emoji: false }, url: 'https://ci.example.com/runs/42', style: 'primary' }],
      },
    ]);
    expect(result.providerMessageId).toMatch(/^D0SLACK1\/\d+\.000100$/);
    expect(callsOf('pins.add')).toHaveLength(0);
  });

  it('offers the notification’s own actions as buttons, an acknowledge through its one-click page; in the recipient’s language', async () => {
    await channel.send(
      buildOutgoingMessage({
        recipient: { slackUserId: 'U0SLACK1', locale: 'fr' },
        notification: {
          priority: 'critical',
          actions: [
            { id: 'ack', kind: 'acknowledge', label: 'J’y vais', style: 'primary' },
            { id: 'runbook', kind: 'url', label: 'Procédure', url: 'https://wiki.example.com/runbook', style: 'secondary' },
          ],
        },
      }),
    );
    const blocks = callsOf('chat.postMessage').at(-1)!.args.blocks as { type: string; elements?: { text: { text: string }; url: string; style?: string }[] }[];
    const buttons = blocks.find((block) => block.type === 'actions')!.elements!;
    expect(buttons.map((button) => [button.text.text, button.style ?? null])).toEqual([
      ['J’y vais', 'primary'],
      ['Procédure', null],
    ]);
    expect(buttons[0]!.url).toMatch(new RegExp(`^${server.ctx.publicUrl}/api/email-actions/act/[^/]+/ack$`));
    expect(buttons[1]!.url).toBe('https://wiki.example.com/runbook');
    expect(blocks.find((block) => block.type === 'context')).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: expect.stringMatching(/^Notification critique/) }] });
  });

  it('pins a critical message so it stays in view; a refused pin is noted beside the success', async () => {
    const critical = buildOutgoingMessage({ recipient: { slackUserId: 'U0SLACK1' }, notification: { priority: 'critical', title: 'Database down' } });
    const pinned = await channel.send(critical);
    const [channelId, ts] = pinned.providerMessageId!.split('/');
    expect(callsOf('pins.add').at(-1)!.args).toMatchObject({ channel: channelId, timestamp: ts });
    expect(pinned.note).toBeUndefined();

    slack.replyNext('pins.add', { error: 'missing_scope' });
    const unpinned = await channel.send({ ...critical, deliveryId: 'dlv_pin_refused' });
    expect(unpinned.providerMessageId).toMatch(/^D0SLACK1\//);
    expect(unpinned.note).toMatch(/not pinned: .*missing_scope/);
  });

  it('finds a member by email once and keeps the id on the user; one not in the workspace fails permanently', async () => {
    const user = await server.ctx.db.user.create({ data: { email: `slack-${Date.now()}@example.com`, name: 'Grace' } });
    slack.members.set(user.email, 'U0GRACE');
    const lookupsBefore = callsOf('users.lookupByEmail').length;
    const recipient = { id: user.id, email: user.email, slackUserId: null };

    await channel.send(buildOutgoingMessage({ recipient }));
    expect(callsOf('users.lookupByEmail')).toHaveLength(lookupsBefore + 1);
    expect(callsOf('users.lookupByEmail').at(-1)!.args).toMatchObject({ email: user.email });
    expect(callsOf('chat.postMessage').at(-1)!.args.channel).toBe('U0GRACE');
    expect((await server.ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).slackUserId).toBe('U0GRACE');

    await expect(channel.send(buildOutgoingMessage({ recipient: { email: 'nobody@example.com', slackUserId: null } }))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('maps Slack’s answers: rate limit → retry after its Retry-After; gone members permanent; bad token transient', async () => {
    const message = buildOutgoingMessage({ recipient: { slackUserId: 'U0SLACK1' } });
    slack.replyNext('chat.postMessage', { rateLimitedFor: 30 });
    const limited = await channel.send(message).catch((err: unknown) => err);
    expect(limited).toBeInstanceOf(RetryLaterError);
    expect((limited as RetryLaterError).retryAfterMs).toBe(30_000);

    for (const error of ['channel_not_found', 'user_disabled', 'cannot_dm_bot']) {
      slack.replyNext('chat.postMessage', { error });
      await expect(channel.send(message)).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
    const wrongToken = createSlackBotChannel(depsWith({ SLACK_API_URL: slack.apiUrl }), 'xoxb-wrong');
    const refused = await wrongToken.send(message).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(PermanentDeliveryError);
    expect(String(refused)).toMatch(/invalid_auth/);
  });

  it('without SLACK_BOT_TOKEN stores what would have been posted in the dev outbox, once per delivery', async () => {
    const dev = createSlackChannel(depsWith({}));
    expect(dev.provider).toBe('dev-outbox');
    const message = buildOutgoingMessage({ recipient: { email: 'ada@example.com', slackUserId: null }, notification: { title: 'Weekly report' } });
    const first = await dev.send(message);
    const again = await dev.send({ ...message, attempt: 2 });
    expect(again.providerMessageId).toBe(first.providerMessageId);
    const stored = await server.ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: first.providerMessageId! } });
    expect(stored).toMatchObject({ channel: 'slack', to: 'ada@example.com', subject: 'Weekly report' });
    expect(JSON.parse(stored.text)).toMatchObject({ channel: 'ada@example.com', text: 'Weekly report', blocks: [{ type: 'header' }, { type: 'section' }, { type: 'actions' }] });
  });
});

describe('Slack through routing and the delivery worker', () => {
  it('a category whose channels include Slack DMs its member (id set by the v1 users API); critical elsewhere does not add Slack', async () => {
    await server.ctx.db.category.create({ data: { key: 'deploys-slack', label: 'Deploys', defaultChannels: 'in_app,slack' } });
    const put = await fetch(`${server.url}/api/v1/users/slack-ada`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` },
      body: JSON.stringify({ email: 'ada.slack@example.com', name: 'Ada', slackUserId: 'U0ADA' }),
    });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ slackUserId: 'U0ADA' });

    const sent = await sendNotification(server.url, { to: [{ externalId: 'slack-ada' }], title: 'Release 4.2 is out', category: 'deploys-slack' });
    expect(sent.status).toBe(202);
    const [delivery] = await eventually(
      () => server.ctx.db.delivery.findMany({ where: { notification: { sendId: sent.body.sendId } } }),
      (rows) => rows[0]?.status === 'sent',
      'the Slack delivery to be sent',
    );
    expect(delivery).toMatchObject({ channel: 'slack', status: 'sent' });
    expect(callsOf('chat.postMessage').at(-1)!.args).toMatchObject({ channel: 'U0ADA', text: 'Release 4.2 is out' });

    // A critical notification in a category without Slack fans out to email (and SMS/push where reachable) only.
    const critical = await sendNotification(server.url, { to: [{ externalId: 'slack-ada' }], title: 'Disk full', priority: 'critical' });
    const rows = await server.ctx.db.delivery.findMany({ where: { notification: { sendId: critical.body.sendId } } });
    expect(rows.map((row) => row.channel)).toEqual(['email']);
  });

  it('a rate-limited attempt is retried no sooner than Slack’s Retry-After', async () => {
    slack.replyNext('chat.postMessage', { rateLimitedFor: 120 });
    const before = Date.now();
    const sent = await sendNotification(server.url, { to: [{ externalId: 'slack-ada' }], title: 'Slow down', category: 'deploys-slack' });
    const [delivery] = await eventually(
      () => server.ctx.db.delivery.findMany({ where: { notification: { sendId: sent.body.sendId } } }),
      (rows) => rows[0]?.attempts === 1 && rows[0].status === 'pending',
      'the rate-limited attempt',
    );
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(delivery!.lastError).toMatch(/retry after 120 s/);
  });
});
