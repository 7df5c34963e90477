import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.js';
import { freePort } from '../helpers/system.js';
import { TEST_API_KEY } from '../helpers/testServer.js';

const BACKLOG = 24;
let smtp: SmtpPeer;
let dataDir: string;
let child: ChildProcess | undefined;

/** The real entry point as a child process, so it can be killed for real. */
async function startChild(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BOOTSTRAP_API_KEY: TEST_API_KEY,
      SMTP_URL: smtp.url,
      DELIVERY_CONCURRENCY: '4',
      // Far longer than one send (400 ms here), as in production (60 s), and renewed every second while a
      // send runs: only a dead worker's claims expire. (Before renewal, a send slowed past the lease by a
      // busy machine was claimed again by the live worker itself: "6 duplicates ≤ 4".)
      DELIVERY_LEASE_MS: '3000',
      DELIVERY_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

afterAll(async () => {
  child?.kill('SIGKILL');
  await smtp?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('finishes every delivery after a SIGKILL mid-flight; duplicates stay within what was in flight', async () => {
    smtp = await startSmtpPeer({ delayMs: 400 }); // slow server: sends are in flight long enough to be cut
    dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-crash-'));
    const port = await freePort();
    child = await startChild(port);
    const url = `http://127.0.0.1:${port}`;

    for (let i = 0; i < BACKLOG; i++) {
      const res = await sendNotification(url, { to: [{ email: 'alice@example.com' }], title: `Backlog ${i}`, priority: 'critical' });
      expect(res.status).toBe(202);
    }
    await smtp.waitForMessages(6, 20_000);
    const db = new Database(path.join(dataDir, 'flashnotify.db'), { readonly: true });
    const inFlight = () => (db.prepare(`SELECT COUNT(*) AS n FROM "Delivery" WHERE "status" = 'sending'`).get() as { n: number }).n;
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    // Read once the process is gone: what it left claimed and unrecorded. Read before the kill, a busy machine
    // let the worker claim more between the read and the signal (6 duplicates against 4 counted).
    const inFlightAtKill = inFlight();
    const receivedBeforeRestart = smtp.messages.length;

    child = await startChild(port);
    const deadline = Date.now() + 60_000;
    const sentCount = () => (db.prepare(`SELECT COUNT(*) AS n FROM "Delivery" WHERE "status" = 'sent'`).get() as { n: number }).n;
    while (sentCount() < BACKLOG && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const finallySent = sentCount();
    db.close();

    const deliveryIds = smtp.messages.map((m) => m.parsed.headers.get('x-flashnotify-delivery'));
    expect(deliveryIds.every((id) => typeof id === 'string')).toBe(true);
    const unique = new Set(deliveryIds);
    const duplicates = deliveryIds.length - unique.size;
    console.log(
      `[measure] crash test: ${BACKLOG} deliveries, ${inFlightAtKill} in flight at SIGKILL, ${receivedBeforeRestart} received before restart, ${unique.size} delivered after restart, ${duplicates} duplicate(s)`,
    );
    expect(unique.size).toBe(BACKLOG);
    expect(finallySent).toBe(BACKLOG);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;
  }, 120_000);

  it('on SIGTERM finishes the sends in flight, records them, and exits cleanly', async () => {
    smtp.setBehavior({ delayMs: 800 });
    const port = await freePort();
    child = await startChild(port);
    const url = `http://127.0.0.1:${port}`;
    const before = smtp.messages.length;
    const res = await sendNotification(url, { to: [{ email: 'bob@example.com' }], title: 'In flight at shutdown', priority: 'critical' });
    const db = new Database(path.join(dataDir, 'flashnotify.db'), { readonly: true });
    const status = () =>
      (db.prepare(`SELECT d."status" AS s FROM "Delivery" d JOIN "Notification" n ON n."id" = d."notificationId" WHERE n."sendId" = ?`).get(res.body.sendId) as { s: string } | undefined)?.s;
    const deadline = Date.now() + 10_000;
    while (status() !== 'sending' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(status()).toBe('sending');

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    expect(status()).toBe('sent');
    expect(smtp.messages.length).toBe(before + 1);
    db.close();
  }, 60_000);
});
