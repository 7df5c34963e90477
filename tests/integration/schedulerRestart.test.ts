import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

let dataDir: string;
const running: TestServer[] = [];

/** A server on a data directory that outlives it, as a restart would see it. */
async function boot(): Promise<TestServer> {
  const server = await getTestServer({ DATA_DIR: dataDir, SCHEDULER_INTERVAL_MS: '100' });
  running.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('scheduled sends across a restart', () => {
  it('releases a send that fell due while the server was down, and one a crash left half-claimed', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-restart-'));
    const first = await boot();
    const scheduled = await sendNotification(first.url, {
      to: [{ email: 'alice@example.com' }],
      title: 'Due during downtime',
      scheduledAt: new Date(Date.now() + 3000).toISOString(),
    });
    expect(scheduled.body.status).toBe('scheduled');
    // A send a crashed worker had claimed: still `processing`, its lease already expired.
    const orphan = await first.ctx.db.send.create({
      data: {
        status: 'processing',
        scheduledAt: new Date(Date.now() - 60_000),
        leaseUntil: new Date(Date.now() - 1000),
        recipients: JSON.stringify([{ email: 'bob@example.com' }]),
        category: 'general',
        priority: 'normal',
        title: 'Claimed before the crash',
      },
    });
    await first.close();
    await new Promise((r) => setTimeout(r, 1000));

    const second = await boot();
    const db = second.ctx.db;
    const delivered = async (sendId: string) => (await db.send.findUniqueOrThrow({ where: { id: sendId } })).status === 'sent';
    let done = false;
    const deadline = Date.now() + 10_000;
    while (!done && Date.now() < deadline) {
      done = (await delivered(scheduled.body.sendId)) && (await delivered(orphan.id));
      if (!done) await new Promise((r) => setTimeout(r, 100));
    }
    expect(done).toBe(true);
    expect(await db.notification.count({ where: { sendId: scheduled.body.sendId } })).toBe(1);
    expect(await db.notification.count({ where: { sendId: orphan.id, user: { email: 'bob@example.com' } } })).toBe(1);
  });
});
