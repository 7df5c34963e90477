/**
 * Issue 9: a crash in the middle of group commits loses nothing that was acknowledged. The real entry
 * point runs as a child process under a closed loop of concurrent posts and is killed with SIGKILL while
 * batches are in flight; the database then holds every notification answered 202, each user's seqs are
 * gap-free, and nothing half-committed is left (each notification's send exists with all of its
 * notifications). The server starts again on the same database and carries on after the last seq.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from '../helpers/childServer.js';
import { sendNotification } from '../helpers/apiSender.js';

const RECIPIENTS = ['alice@example.com', 'bob@example.com', 'admin@example.com'];
/** Posts in flight at once, and answers to wait for before the kill (more are in flight at that moment). */
const IN_FLIGHT = 24;
const KILL_AFTER = 150;

let dataDir: string;
const children: ChildServer[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-crash-'));
});
afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

it('keeps every notification acknowledged with 202 when the process dies mid-batch, and nothing half-written', async () => {
  const first = spawnServer({ DATA_DIR: dataDir, API_RATE_LIMIT: '1000000' });
  children.push(first);
  const url = await first.listening;

  const acknowledged: { id: string; email: string }[] = [];
  let killed = false;
  let n = 0;
  const loop = async () => {
    while (!killed) {
      const email = RECIPIENTS[n++ % RECIPIENTS.length]!;
      const res = await sendNotification(url, { to: [{ email }], title: `crash ${n}` }).catch(() => undefined);
      if (!res || killed) return;
      expect(res.status).toBe(202);
      acknowledged.push({ id: res.body.notificationIds[0]!, email });
      if (acknowledged.length === KILL_AFTER) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
  await first.exited;

  const db = new Database(path.join(dataDir, 'flashnotify.db'), { readonly: true });
  try {
    const ids = new Set((db.prepare('SELECT "id" FROM "Notification"').all() as { id: string }[]).map((r) => r.id));
    expect(acknowledged.filter((a) => !ids.has(a.id))).toEqual([]);
    for (const email of RECIPIENTS) {
      const user = db.prepare('SELECT "id", "inboxSeq" FROM "User" WHERE "email" = ?').get(email) as { id: string; inboxSeq: number };
      const seqs = (db.prepare('SELECT "seq" FROM "Notification" WHERE "userId" = ? ORDER BY "seq"').all(user.id) as { seq: number }[]).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(user.inboxSeq).toBe(seqs.length);
    }
    // Whole sends only: every notification's send is there, and every sent send has all its notifications.
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM "Notification" n LEFT JOIN "Send" s ON s."id" = n."sendId" WHERE s."id" IS NULL').get() as { n: number };
    expect(orphans.n).toBe(0);
    const incomplete = db
      .prepare(`SELECT COUNT(*) AS n FROM "Send" s WHERE s."status" = 'sent' AND s."recipientCount" <> (SELECT COUNT(*) FROM "Notification" n WHERE n."sendId" = s."id")`)
      .get() as { n: number };
    expect(incomplete.n).toBe(0);
  } finally {
    db.close();
  }

  const second = spawnServer({ DATA_DIR: dataDir });
  children.push(second);
  const again = await sendNotification(await second.listening, { to: [{ email: 'alice@example.com' }], title: 'after the crash' });
  expect(again.status).toBe(202);
}, 120_000);
