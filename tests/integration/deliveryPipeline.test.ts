import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let smtp: SmtpPeer;
let server: TestServer;

/** Polls the database until `check` holds (the worker runs in the background). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const deliveriesOf = (sendId: string) =>
  server.ctx.db.delivery.findMany({ where: { notification: { sendId } }, include: { attemptLog: { orderBy: { attempt: 'asc' } } } });

beforeAll(async () => {
  smtp = await startSmtpPeer();
  server = await getTestServer({
    SMTP_URL: smtp.url,
    DELIVERY_INTERVAL_MS: '50',
    DELIVERY_BACKOFF_BASE_MS: '100',
    DELIVERY_BACKOFF_MAX_MS: '400',
    DELIVERY_MAX_ATTEMPTS: '30',
    BREAKER_THRESHOLD: '3',
    BREAKER_COOLDOWN_MS: '600',
  });
});
afterAll(async () => {
  await server.stop();
  await smtp.stop();
});

describe('durable email delivery', () => {
  it('delivers a critical notification by email, once, and records the attempt', async () => {
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Disk almost full', priority: 'critical' });
    expect(sent.status).toBe(202);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['alice@example.com']);
    expect(mail!.parsed.subject).toContain('Disk almost full');

    await eventually(async () => (await deliveriesOf(sent.body.sendId))[0]?.status === 'sent', 'delivery marked sent');
    const [delivery] = await deliveriesOf(sent.body.sendId);
    // Alice has no phone and no push device: email is the only external channel.
    expect((await deliveriesOf(sent.body.sendId)).map((d) => d.channel)).toEqual(['email']);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: mail!.parsed.messageId });
    expect(delivery!.attemptLog).toHaveLength(1);
    expect(delivery!.attemptLog[0]).toMatchObject({ outcome: 'sent', attempt: 1 });
    expect(delivery!.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('creates no external delivery for a normal in-app notification', async () => {
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'FYI' });
    expect(await deliveriesOf(sent.body.sendId)).toEqual([]);
  });

  it('backs off while SMTP is down, opens and closes the breaker, and loses nothing', async () => {
    const before = smtp.messages.length;
    await smtp.stop();
    const sends: string[] = [];
    for (let i = 0; i < 5; i++) {
      sends.push((await sendNotification(server.url, { to: [{ email: 'bob@example.com' }], title: `Outage ${i}`, priority: 'critical' })).body.sendId);
    }
    const breaker = server.ctx.delivery.breakerFor(`smtp:127.0.0.1:${smtp.port}`);
    await eventually(async () => (await breaker.snapshot()).state === 'open', 'breaker to open');
    const failing = (await Promise.all(sends.map(deliveriesOf))).flat();
    expect(failing.every((d) => d.status !== 'sent')).toBe(true);
    const attempts = failing.flatMap((d) => d.attemptLog);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.every((a) => a.outcome === 'transient_error')).toBe(true);
    // Backed off: pending deliveries wait for a later attempt.
    expect(failing.some((d) => d.status === 'pending' && d.nextAttemptAt.getTime() > d.updatedAt.getTime())).toBe(true);

    await smtp.start();
    await eventually(async () => (await Promise.all(sends.map(deliveriesOf))).flat().every((d) => d.status === 'sent'), 'all delivered after recovery', 20_000);
    expect((await breaker.snapshot()).state).toBe('closed');
    const received = smtp.messages.slice(before).map((m) => m.parsed.subject);
    for (let i = 0; i < 5; i++) expect(received.filter((s) => s?.includes(`Outage ${i}`))).toHaveLength(1);
  });

  it('stops at once on a permanent failure', async () => {
    smtp.setBehavior({ failWith: { code: 550, message: 'No such user', recipient: 'admin@example.com' } });
    const sent = await sendNotification(server.url, { to: [{ email: 'admin@example.com' }], title: 'Bounce', priority: 'critical' });
    await eventually(async () => (await deliveriesOf(sent.body.sendId))[0]?.status === 'failed', 'delivery failed');
    const [delivery] = await deliveriesOf(sent.body.sendId);
    expect(delivery!.attempts).toBe(1);
    expect(delivery!.lastError).toMatch(/550|No such user/);
    smtp.setBehavior({});
  });

  it('holds a switched-off channel: no new deliveries are planned for it', async () => {
    await server.ctx.delivery.switches.set('email', false);
    const sent = await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Quiet', priority: 'critical' });
    expect(await deliveriesOf(sent.body.sendId)).toEqual([]);
    await server.ctx.delivery.switches.set('email', true);
  });
});
