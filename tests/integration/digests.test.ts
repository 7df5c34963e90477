import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevOutboxEmailChannel } from '../../server/channels/email/createEmailChannel.js';
import type { AppContext } from '../../server/context.js';
import { dueDigests } from '../../server/services/digests/dueDigests.js';
import { runDigests } from '../../server/services/digests/runDigests.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

// Every date is years ahead of the real clock: a digest scheduler running on real time never sees them.
const at = (iso: string) => new Date(iso);
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

let smtp: SmtpPeer;
let dataDir: string;
let server: TestServer;
let db: AppContext['db'];
const others: TestServer[] = [];

beforeAll(async () => {
  smtp = await startSmtpPeer();
  // A data directory of our own, so a second server (the "other worker") can share the database.
  dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-digests-'));
  server = await getTestServer({ SMTP_URL: smtp.url, DATA_DIR: dataDir });
  db = server.ctx.db;
});
afterAll(async () => {
  await Promise.all(others.map((s) => s.stop()));
  await server?.stop();
  await smtp?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => smtp.setBehavior({}));

type User = Awaited<ReturnType<typeof buildUser>>;

/** A user of our own per test, so digests of one test never show up in another. */
function buildUser(overrides: { timezone?: string; digestTime?: string } = {}) {
  const id = randomUUID().slice(0, 8);
  return db.user.create({ data: { email: `digest-${id}@example.com`, name: `Digest ${id}`, ...overrides } });
}

/** A notification waiting for `digest`, created at `createdAt` (seq taken the way the inbox does). */
async function buildNotification(
  user: User,
  fields: { title: string; createdAt: Date; digest?: 'hourly' | 'daily'; category?: string; body?: string; actionUrl?: string; read?: boolean },
) {
  const { inboxSeq } = await db.user.update({ where: { id: user.id }, data: { inboxSeq: { increment: 1 } }, select: { inboxSeq: true } });
  const { read, digest = 'hourly', category = 'general', body = '', ...rest } = fields;
  return db.notification.create({
    data: { userId: user.id, seq: inboxSeq, category, body, digest, ...rest, readAt: read ? fields.createdAt : null },
  });
}

const mailsTo = (user: User) => smtp.messages.filter((m) => m.envelope.to.includes(user.email)).map((m) => m.parsed);
const runsOf = (user: User) => db.digestRun.findMany({ where: { userId: user.id }, orderBy: { periodKey: 'asc' } });
const rawHeader = (parsed: ParsedMail, name: string) =>
  parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');

describe('hourly digests', () => {
  it('sends one email with exactly the unread notifications of the hour, grouped by category, once', async () => {
    const user = await buildUser();
    await buildNotification(user, { title: 'Build 41 passed', category: 'deploys', createdAt: at('2031-03-10T10:05:00Z') });
    await buildNotification(user, {
      title: 'Invoice <7> & receipt', body: 'Your March invoice is ready.\n\nPay within 14 days.',
      category: 'billing', actionUrl: '/billing/invoices/7', createdAt: at('2031-03-10T10:20:00Z'),
    });
    await buildNotification(user, { title: 'Build 42 failed', category: 'deploys', createdAt: at('2031-03-10T10:40:00Z'), read: true });

    expect((await runDigests(server.ctx, at('2031-03-10T10:59:59Z'))).sent).toBe(0);
    const summary = await runDigests(server.ctx, at('2031-03-10T11:00:00Z'));

    expect(summary.sent).toBe(1);
    const [mail, ...more] = mailsTo(user);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Your hourly digest: 2 unread notifications');
    const text = mail!.text!;
    expect(text).not.toContain('Build 42 failed');
    // Grouped by category label, each notification under its own heading.
    expect(text.indexOf('== Billing ==')).toBeLessThan(text.indexOf('Invoice <7> & receipt'));
    expect(text.indexOf('Invoice <7> & receipt')).toBeLessThan(text.indexOf('== Deploys =='));
    expect(text.indexOf('== Deploys ==')).toBeLessThan(text.indexOf('Build 41 passed'));
    expect(text).toContain('  Your March invoice is ready. Pay within 14 days.');
    const publicUrl = server.ctx.publicUrl;
    // Every item links through the app's /open page (where the person's click marks it read), which then
    // goes on to its action URL or the inbox (null).
    const links = [...text.matchAll(new RegExp(`  (${publicUrl}/api/email-actions/open/\\S+)`, 'g'))].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const targets = await Promise.all(
      links.map(async (link) => {
        const token = link.split('/').pop()!;
        expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toBe(`/open/${token}`);
        return ((await (await fetch(`${publicUrl}/api/email-actions/preview/${token}`)).json()) as { notification: { url: string | null } }).notification.url;
      }),
    );
    expect(targets.sort()).toEqual(['/billing/invoices/7', null]);
    const html = mail!.html as string;
    expect(html).toContain('Invoice &lt;7&gt; &amp; receipt');
    expect(html).not.toContain('<7>');
    // Two categories: one click cannot unsubscribe from both, so the header points at the settings page.
    expect(rawHeader(mail!, 'list-unsubscribe')).toBe(`<${publicUrl}/settings/preferences>`);
    expect(rawHeader(mail!, 'list-unsubscribe-post')).toBeUndefined();

    const [run, ...otherRuns] = await runsOf(user);
    expect(otherRuns).toEqual([]);
    expect(run).toMatchObject({
      period: 'hourly', periodKey: '2031-03-10T10:00Z', status: 'sent', notificationCount: 2,
      providerMessageId: mail!.messageId, sentAt: at('2031-03-10T11:00:00Z'), leaseUntil: null,
    });

    const again = await runDigests(server.ctx, at('2031-03-10T11:05:00Z'));
    expect(again.sent).toBe(0);
    expect(mailsTo(user)).toHaveLength(1);
  });

  it('sends nothing when everything was read, and records the run as empty', async () => {
    const user = await buildUser();
    await buildNotification(user, { title: 'Seen already', createdAt: at('2031-03-10T10:10:00Z'), read: true });
    await buildNotification(user, { title: 'Also seen', createdAt: at('2031-03-10T10:50:00Z'), read: true });

    await runDigests(server.ctx, at('2031-03-10T11:00:00Z'));

    expect(mailsTo(user)).toEqual([]);
    expect(await runsOf(user)).toMatchObject([{ periodKey: '2031-03-10T10:00Z', status: 'empty', notificationCount: 0, sentAt: null }]);
    // Settled: never looked at again.
    const due = await dueDigests(server.ctx, at('2031-03-10T11:01:00Z'));
    expect(due.filter((d) => d.userId === user.id)).toEqual([]);
  });

  it('keeps a notification of the next hour out of the previous hour’s digest', async () => {
    const user = await buildUser();
    await buildNotification(user, { title: 'Late in the hour', createdAt: at('2031-03-10T12:59:59Z') });
    await buildNotification(user, { title: 'Top of the next hour', createdAt: at('2031-03-10T13:00:00Z') });

    await runDigests(server.ctx, at('2031-03-10T13:00:30Z'));
    await runDigests(server.ctx, at('2031-03-10T14:00:00Z'));

    const [first, second] = mailsTo(user);
    expect(first!.text).toContain('Late in the hour');
    expect(first!.text).not.toContain('Top of the next hour');
    expect(first!.subject).toBe('Your hourly digest: 1 unread notification');
    expect(second!.text).toContain('Top of the next hour');
    expect(second!.text).not.toContain('Late in the hour');
    expect((await runsOf(user)).map((r) => r.periodKey)).toEqual(['2031-03-10T12:00Z', '2031-03-10T13:00Z']);
  });

  it('leaves out categories the user has turned email off for since', async () => {
    const user = await buildUser();
    await buildNotification(user, { title: 'Deploy done', category: 'deploys', createdAt: at('2031-03-10T15:10:00Z') });
    await buildNotification(user, { title: 'Invoice paid', category: 'billing', createdAt: at('2031-03-10T15:20:00Z') });
    await db.preference.create({ data: { userId: user.id, category: 'deploys', channel: 'email', enabled: false } });

    await runDigests(server.ctx, at('2031-03-10T16:00:00Z'));

    const [mail] = mailsTo(user);
    expect(mail!.text).toContain('Invoice paid');
    expect(mail!.text).not.toContain('Deploy done');
    // One category: the header is that category's signed one-click link.
    expect(rawHeader(mail!, 'list-unsubscribe')).toMatch(new RegExp(`^<${server.ctx.publicUrl}/api/unsubscribe/[\\w-]+\\.[\\w-]+>$`));
    expect(rawHeader(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });
});

describe('critical categories', () => {
  it('a category made critical after its notifications were queued gets no unsubscribe link or header', async () => {
    const key = `ops-${randomUUID().slice(0, 8)}`;
    await db.category.create({ data: { key, label: 'Ops alerts', critical: false } });
    const alone = await buildUser();
    const mixed = await buildUser();
    await buildNotification(alone, { title: 'Disk filling up', category: key, createdAt: at('2031-04-02T09:10:00Z') });
    await buildNotification(mixed, { title: 'Disk filling up too', category: key, createdAt: at('2031-04-02T09:12:00Z') });
    await buildNotification(mixed, { title: 'Build 7 passed', category: 'deploys', createdAt: at('2031-04-02T09:15:00Z') });
    // Queued while the category could still be turned off; now it is locked.
    await db.category.update({ where: { key }, data: { critical: true } });

    expect((await runDigests(server.ctx, at('2031-04-02T10:00:00Z'))).sent).toBe(2);
    const [single] = mailsTo(alone);
    expect(rawHeader(single!, 'list-unsubscribe')).toBeUndefined();
    expect(rawHeader(single!, 'list-unsubscribe-post')).toBeUndefined();
    expect(single!.text).toContain('== Ops alerts ==');
    expect(single!.text).not.toContain('Stop Ops alerts emails');
    expect(single!.text).not.toContain('/api/unsubscribe/');
    expect(single!.html as string).not.toContain('/api/unsubscribe/');

    const [both] = mailsTo(mixed);
    expect(both!.text).not.toContain('Stop Ops alerts emails');
    expect(both!.text).toMatch(new RegExp(`Stop Deploys emails: ${server.ctx.publicUrl}/api/unsubscribe/`));
    expect(rawHeader(both!, 'list-unsubscribe')).toBe(`<${server.ctx.publicUrl}/settings/preferences>`);
  });
});

describe('daily digests', () => {
  it('go out at the user’s digest time in their time zone, covering the day before it', async () => {
    // 08:00 in Tokyo (UTC+9) on 2031-03-11 is 2031-03-10T23:00Z.
    const user = await buildUser({ timezone: 'Asia/Tokyo', digestTime: '08:00' });
    await buildNotification(user, { title: 'Morning report', digest: 'daily', createdAt: at('2031-03-10T00:30:00Z') });
    await buildNotification(user, { title: 'Night alert', digest: 'daily', createdAt: at('2031-03-10T20:00:00Z') });
    await buildNotification(user, { title: 'After the digest', digest: 'daily', createdAt: at('2031-03-10T23:30:00Z') });

    const before = at('2031-03-10T22:59:00Z'); // 07:59 in Tokyo
    expect((await dueDigests(server.ctx, before)).filter((d) => d.userId === user.id)).toEqual([]);
    await runDigests(server.ctx, before);
    expect(mailsTo(user)).toEqual([]);

    await runDigests(server.ctx, at('2031-03-10T23:00:00Z')); // 08:00 in Tokyo
    const [mail, ...more] = mailsTo(user);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Your daily digest: 2 unread notifications');
    expect(mail!.text).toContain('Morning report');
    expect(mail!.text).toContain('Night alert');
    expect(mail!.text).not.toContain('After the digest');
    expect(await runsOf(user)).toMatchObject([{ period: 'daily', periodKey: '2031-03-11', status: 'sent', notificationCount: 2 }]);
  });
});

describe('exactly once', () => {
  it('two workers on the same database send each digest once', async () => {
    const other = await getTestServer({ SMTP_URL: smtp.url, DATA_DIR: dataDir });
    others.push(other);
    const users = await Promise.all(Array.from({ length: 5 }, () => buildUser()));
    for (const user of users) {
      await buildNotification(user, { title: 'Raced for', createdAt: at('2031-03-11T09:15:00Z') });
    }
    const now = at('2031-03-11T10:00:00Z');

    const [a, b] = await Promise.all([runDigests(server.ctx, now), runDigests(other.ctx, now)]);

    expect(a.sent + b.sent).toBe(5);
    for (const user of users) {
      expect(mailsTo(user)).toHaveLength(1);
      expect(await runsOf(user)).toMatchObject([{ status: 'sent' }]);
    }
  });

  it('after a crash, a run whose lease expired is sent; one with a live lease is left alone', async () => {
    const now = at('2031-03-11T12:00:00Z');
    const [crashed, busy] = await Promise.all([buildUser(), buildUser()]);
    for (const [user, leaseUntil] of [[crashed, minutes(now, -1)], [busy, minutes(now, 4)]] as const) {
      await buildNotification(user, { title: 'Claimed before the crash', createdAt: at('2031-03-11T11:30:00Z') });
      await db.digestRun.create({
        data: { userId: user.id, period: 'hourly', periodKey: '2031-03-11T11:00Z', status: 'sending', leaseUntil, createdAt: minutes(now, -6) },
      });
    }

    await runDigests(server.ctx, now);

    expect(mailsTo(crashed)).toHaveLength(1);
    expect(await runsOf(crashed)).toMatchObject([{ status: 'sent', notificationCount: 1 }]);
    expect(mailsTo(busy)).toEqual([]);
    expect(await runsOf(busy)).toMatchObject([{ status: 'sending', leaseUntil: minutes(now, 4) }]);

    await runDigests(server.ctx, minutes(now, 5));
    expect(mailsTo(busy)).toHaveLength(1);
  });

  it('retries a transient SMTP failure after a while, and gives up on a rejected address', async () => {
    const user = await buildUser();
    await buildNotification(user, { title: 'Try again', createdAt: at('2031-03-11T14:10:00Z') });
    const now = at('2031-03-11T15:00:00Z');

    smtp.setBehavior({ failWith: { code: 451, message: 'Try again later' } });
    expect((await runDigests(server.ctx, now)).retrying).toBe(1);
    expect(await runsOf(user)).toMatchObject([{ status: 'sending', lastError: expect.stringMatching(/451/) }]);
    smtp.setBehavior({});
    await runDigests(server.ctx, minutes(now, 1)); // the retry waits
    expect(mailsTo(user)).toEqual([]);
    await runDigests(server.ctx, minutes(now, 11));
    expect(mailsTo(user)).toHaveLength(1);
    expect(await runsOf(user)).toMatchObject([{ status: 'sent' }]);

    const rejected = await buildUser();
    await buildNotification(rejected, { title: 'Nobody home', createdAt: at('2031-03-11T14:20:00Z') });
    smtp.setBehavior({ failWith: { code: 550, message: 'No such user', recipient: rejected.email } });
    expect((await runDigests(server.ctx, minutes(now, 12))).failed).toBe(1);
    expect(await runsOf(rejected)).toMatchObject([{ status: 'failed', lastError: expect.stringMatching(/550/) }]);
  });
});

describe('dev outbox', () => {
  it('stores a digest once per run, with its headers', async () => {
    const user = await buildUser();
    const outbox = createDevOutboxEmailChannel(server.ctx);
    const digest = {
      digestId: `run_${randomUUID()}`,
      period: 'daily' as const,
      recipient: { id: user.id, name: user.name, email: user.email, phone: null, locale: 'en', timezone: 'UTC' },
      groups: [{ category: 'general', label: 'General', locked: false, notifications: [{ id: 'n1', title: 'Stored', body: 'b', actionUrl: null, createdAt: at('2031-03-11T08:00:00Z') }] }],
    };

    const first = await outbox.sendDigest(digest);
    const retry = await outbox.sendDigest(digest);

    expect(retry.providerMessageId).toBe(first.providerMessageId);
    const rows = await db.outboxMessage.findMany({ where: { to: user.email } });
    expect(rows).toMatchObject([{ subject: 'Your daily digest: 1 unread notification', deliveryId: `digest:${digest.digestId}` }]);
    expect(JSON.parse(rows[0]!.headers)).toMatchObject({ 'X-FlashNotify-Digest': digest.digestId, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});
