/**
 * Review finding 1: one 15 KB request froze the server for minutes. A template rendered in full (8 MB
 * from `{{data.s}}` × 500, unbounded with nested `{{#each}}`), then cut with a segmenter whose cost grows
 * faster than its input. Now every rendering runs under a budget (server/templates/renderBudget.ts): over
 * it, the send is refused with 422 `template_output_too_large` naming the field, when it is accepted
 * (immediate, scheduled, from a service or the composer) and again when a scheduled send is released.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/schemas/notification.js';
import { TEMPLATE_OUTPUT_MAX } from '../../server/templates/renderBudget.js';
import { sendNotification } from '../helpers/apiSender.js';
import { HttpClient } from '../helpers/httpClient.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';
import { expectCleanCut } from '../helpers/text.js';

let server: TestServer;
let admin: HttpClient;

beforeAll(async () => {
  server = await getTestServer({ SCHEDULER_INTERVAL_MS: '100' });
  admin = new HttpClient(server.url);
  await admin.login('admin@example.com');
});
afterAll(() => server?.stop());

const alice = [{ email: 'alice@example.com' }];
/** The reviewer's request: a 150,000-character body from a 15 KB request. */
const STALL = { to: alice, title: 'stall test', body: '{{data.s}}'.repeat(10), data: { s: 'y'.repeat(15_000) } };
const tooLarge = (path: string) => ({
  code: 'template_output_too_large',
  message: `The ${path} template renders too much`,
  details: [{ path, message: `Renders more than ${TEMPLATE_OUTPUT_MAX.toLocaleString('en')} characters` }],
});

const sendCount = () => server.ctx.db.send.count();
const notificationCount = () => server.ctx.db.notification.count();

describe('template output over its budget', () => {
  it('is a 422 naming body, answered at once while /api/health keeps answering, and nothing is sent', async () => {
    const [sends, notifications] = [await sendCount(), await notificationCount()];
    const send = sendNotification(server.url, STALL);
    const health = fetch(`${server.url}/api/health`).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }));
    const [res, probe] = await Promise.all([send, health]);
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual(tooLarge('body'));
    expect(probe).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect([await sendCount(), await notificationCount()]).toEqual([sends, notifications]);
  });

  it('names title for an each over 1,000 items of 10,000 characters', async () => {
    const res = await sendNotification(server.url, {
      to: alice,
      title: '{{#each data.a}}{{../data.s}}{{/each}}',
      data: { a: Array.from({ length: 1000 }, (_, i) => i), s: 'y'.repeat(10_000) },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual(tooLarge('title'));
  });

  it('from the admin composer too', async () => {
    const sends = await sendCount();
    const res = await admin.request('POST', '/api/admin/sends', STALL);
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual(tooLarge('body'));
    expect(await sendCount()).toBe(sends);
  });

  it('for a scheduled send: refused when accepted, nothing stored', async () => {
    const sends = await sendCount();
    const res = await sendNotification(server.url, { ...STALL, scheduledAt: new Date(Date.now() + 60_000).toISOString() });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual(tooLarge('body'));
    expect(await sendCount()).toBe(sends);
  });

  it('for a scheduled send whose audience grew past it: failed at release, at once, saying why; nobody gets anything', async () => {
    // Accepted while its topic has nobody (checked against an empty recipient); by its release a
    // subscriber's 150-character name, 500 times, makes 75,000 characters.
    const topic = await server.ctx.db.topic.create({ data: { key: 'bulletin', name: 'Bulletin' } });
    const res = await sendNotification(server.url, {
      to: [{ topic: 'bulletin' }],
      title: 'Bulletin',
      body: '{{#each data.a}}{{@root.recipient.name}}{{/each}}',
      data: { a: Array.from({ length: 500 }, (_, i) => i) },
      scheduledAt: new Date(Date.now() + 1500).toISOString(),
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'scheduled', recipientCount: 0 });
    const user = await server.ctx.db.user.create({ data: { email: 'long.name@example.com', name: 'N'.repeat(150) } });
    await server.ctx.db.topicSubscription.create({ data: { topicId: topic.id, userId: user.id } });

    const status = async () => {
      const r = await fetch(`${server.url}/api/v1/sends/${res.body.sendId}`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
      return (await r.json()) as { status: string; lastError: string | null };
    };
    await expect.poll(async () => (await status()).status, { timeout: 15_000 }).toBe('failed');
    expect((await status()).lastError).toBe('The body template renders too much (body: Renders more than 65,536 characters)');
    const send = await server.ctx.db.send.findUniqueOrThrow({ where: { id: res.body.sendId } });
    expect(send.attempts).toBe(1); // not retried: the same audience renders the same
    expect(await server.ctx.db.notification.count({ where: { sendId: res.body.sendId } })).toBe(0);
  });

  it('a template that passed the old check but failed when rendered is a 400 when accepted, not a 500', async () => {
    for (const body of ['{{> data.s}}', '{{data.s data.s}}', '{{#if data.s data.s}}x{{/if}}']) {
      const res = await sendNotification(server.url, { to: alice, body, data: { s: 'x' } });
      expect(res.status, body).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'template_error', details: [{ path: 'body' }] });
    }
  });
});

describe('template output within its budget', () => {
  it('is stored cut to the body limit on a grapheme boundary, as before', async () => {
    const items = Array.from({ length: 600 }, (_, i) => `item ${i} 👍🏽`); // ≈ 9,000 characters rendered
    const res = await sendNotification(server.url, { to: alice, body: '{{#each data.items}}{{this}}, {{/each}}', data: { items } });
    expect(res.status).toBe(202);
    const stored = await server.ctx.db.notification.findUniqueOrThrow({ where: { id: res.body.notificationIds[0]! } });
    expectCleanCut(stored.body, `${items.join(', ')}, `, LIMITS.bodyMax);
  });
});

describe('one recipient whose rendering is over its budget (review finding B)', () => {
  // 'a' × 239 + '@example.com' is 251 characters; 263 copies make 66,013 (over 65,536), while alice's 17
  // make 4,471. The body is 263 × 19 = 4,997 characters, under the 5,000 limit.
  const body = '{{recipient.email}}'.repeat(263);
  const reason = 'The body template renders too much (body: Renders more than 65,536 characters)';
  const audience = async (label: string) => {
    const alice = await server.ctx.db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    const long = await server.ctx.db.user.create({ data: { email: `${'a'.repeat(239 - label.length)}${label}@example.com`, name: 'Long' } });
    const bob = await server.ctx.db.user.create({ data: { email: `bob.${label}@example.com`, name: 'Bob' } });
    return { alice, long, bob };
  };
  const sendStatus = async (sendId: string) => {
    const r = await fetch(`${server.url}/api/v1/sends/${sendId}`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
    return (await r.json()) as { status: string; lastError: string | null; recipientCount: number };
  };
  const receivers = async (sendId: string) =>
    (await server.ctx.db.notification.findMany({ where: { sendId }, select: { userId: true } })).map((n) => n.userId).sort();

  it('skips only that recipient of a scheduled send: the others get it, and the send says who and why', async () => {
    const { alice, long, bob } = await audience('sched');
    const res = await sendNotification(server.url, {
      to: [{ userId: alice.id }, { userId: long.id }, { userId: bob.id }],
      body,
      scheduledAt: new Date(Date.now() + 1000).toISOString(),
    });
    expect(res.status).toBe(202); // alice, the first recipient, renders within the budget
    await expect.poll(async () => (await sendStatus(res.body.sendId)).status, { timeout: 15_000 }).not.toMatch(/scheduled|processing/);

    expect(await sendStatus(res.body.sendId)).toMatchObject({
      status: 'sent',
      recipientCount: 2,
      lastError: `Not delivered to 1 of 3 recipients (user ${long.id}): ${reason}`,
    });
    expect(await receivers(res.body.sendId)).toEqual([alice.id, bob.id].sort());
  });

  it('skips only that recipient of an immediate send, answered 202 with the others’ notifications', async () => {
    const { alice, long, bob } = await audience('now');
    const res = await sendNotification(server.url, { to: [{ userId: alice.id }, { userId: long.id }, { userId: bob.id }], body });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'sent', recipientCount: 2 });
    expect(res.body.notificationIds).toHaveLength(2);
    expect(await receivers(res.body.sendId)).toEqual([alice.id, bob.id].sort());
    expect((await sendStatus(res.body.sendId)).lastError).toBe(`Not delivered to 1 of 3 recipients (user ${long.id}): ${reason}`);
    const stored = await server.ctx.db.notification.findFirstOrThrow({ where: { sendId: res.body.sendId, userId: bob.id } });
    expect(stored.body).toBe(bob.email.repeat(263));
  });
});

describe('a title that renders to nothing (review 2: it was stored empty, though titles need 1–200 characters)', () => {
  const title = '{{#if recipient.externalId}}For {{recipient.externalId}}{{/if}}';

  it('is refused when the first recipient renders it empty, naming title', async () => {
    const res = await sendNotification(server.url, { to: alice, title, body: 'b' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'template_renders_empty', details: [{ path: 'title' }] });
  });

  it('counts invisible characters (zero-width, bidi controls, Hangul fillers, blank braille) as nothing', async () => {
    for (const x of ['\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u3164', '\u2800', '\u00ad\u034f\ufe0f', '\u202e\u2066', ' \u3000\u00a0\n']) {
      const res = await sendNotification(server.url, { to: alice, title: '{{data.x}}', body: 'b', data: { x } });
      expect(res.status, JSON.stringify(x)).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'template_renders_empty', details: [{ path: 'title' }] });
    }
    expect((await sendNotification(server.url, { to: alice, title: '\u200b', body: 'b' })).status).toBe(422);
  });

  it('skips only a later recipient it renders empty for, saying who and why', async () => {
    const withId = await server.ctx.db.user.create({ data: { email: 'titled@example.com', name: 'Titled', externalId: 'ext-titled' } });
    const without = await server.ctx.db.user.create({ data: { email: 'untitled@example.com', name: 'Untitled' } });
    const res = await sendNotification(server.url, { to: [{ userId: withId.id }, { userId: without.id }], title, body: 'b' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'sent', recipientCount: 1 });
    const stored = await server.ctx.db.notification.findMany({ where: { sendId: res.body.sendId } });
    expect(stored.map((n) => [n.userId, n.title])).toEqual([[withId.id, 'For ext-titled']]);
    const send = await server.ctx.db.send.findUniqueOrThrow({ where: { id: res.body.sendId } });
    expect(send.lastError).toContain(`Not delivered to 1 of 2 recipients (user ${without.id})`);
  });
});
