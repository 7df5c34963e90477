/**
 * Issue 8 item 6: kill -9 during a keyed send, then retry with the same Idempotency-Key. Killed before
 * the send's transaction committed: nothing was sent, and the retry sends (once). Killed after: the retry
 * replays the stored answer and sends nothing. Never a 409 for a key whose owner died. The real entry
 * point runs as a child process; TEST_PAUSE_AT (tests only) holds it exactly before or after the commit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPausePoint } from '../../server/services/sends/testPausePoint.js';
import { freePort } from '../helpers/system.js';
import { TEST_API_KEY } from '../helpers/testServer.js';

let dataDir: string;
let port: number;
let child: ChildProcess | undefined;
let paused: Promise<void> | undefined;

/** Starts the real server on the shared data directory; with `pauseAt`, `paused` resolves when a send stops there. */
async function startChild(pauseAt?: TestPausePoint): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BOOTSTRAP_API_KEY: TEST_API_KEY,
      TEST_PAUSE_AT: pauseAt ?? '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child = proc;
  paused = new Promise((resolve) => {
    createInterface({ input: proc.stderr }).on('line', (line) => {
      if (line === `TEST_PAUSED ${pauseAt}`) resolve();
      else process.stderr.write(`${line}\n`);
    });
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function kill9(): Promise<void> {
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child!.kill('SIGKILL');
  await exited;
  child = undefined;
}

const post = (key: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/v1/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}`, 'idempotency-key': key },
    body: JSON.stringify(body),
  });

/** Reads the database file the way it is on disk after the crash (uncommitted WAL frames are ignored). */
function onDisk<T>(query: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'flashnotify.db'), { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}
const count = (sql: string, ...params: unknown[]) => onDisk((db) => (db.prepare(sql).get(...params) as { n: number }).n);

const NOW = { to: [{ email: 'bob@example.com' }, { email: 'alice@example.com' }], title: 'Crash-safe now' };
const LATER = { to: [{ email: 'bob@example.com' }], title: 'Crash-safe later', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-idem-crash-'));
  port = await freePort();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('Idempotency-Key across kill -9', () => {
  it('killed before the commit: nothing was sent and the retry sends, once', async () => {
    await startChild('send.beforeCommit');
    void post('crash-now', NOW).catch(() => {}); // never answered: the process dies first
    await paused;
    await kill9();
    expect(count(`SELECT COUNT(*) AS n FROM "Notification" WHERE "title" = ?`, NOW.title)).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM "IdempotencyRecord" WHERE "key" = ?`, 'crash-now')).toBe(0);

    // The retry is not refused: it runs the send, which this time is killed right after its commit.
    await startChild('send.afterCommit');
    void post('crash-now', NOW).catch(() => {});
    await paused;
    await kill9();
    expect(count(`SELECT COUNT(*) AS n FROM "Notification" WHERE "title" = ?`, NOW.title)).toBe(2);
    expect(count(`SELECT COUNT(*) AS n FROM "IdempotencyRecord" WHERE "key" = ? AND "responseStatus" = 202`, 'crash-now')).toBe(1);
    // Its audit event committed with it (the group commit), not in a write after it that the crash would lose.
    expect(count(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'send.created' AND "targetId" IN (SELECT "sendId" FROM "Notification" WHERE "title" = ?)`, NOW.title)).toBe(1);
  }, 120_000);

  it('killed after the commit of a scheduled send: the key holds its answer', async () => {
    await startChild('send.afterCommit');
    void post('crash-later', LATER).catch(() => {});
    await paused;
    await kill9();
    expect(count(`SELECT COUNT(*) AS n FROM "Send" WHERE "title" = ?`, LATER.title)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'send.created' AND "targetId" IN (SELECT "id" FROM "Send" WHERE "title" = ?)`, LATER.title)).toBe(1);
  }, 60_000);

  it('after the restart, retries replay the committed answers and send nothing more', async () => {
    await startChild();
    const now = await post('crash-now', NOW);
    expect(now.status).toBe(202);
    expect(now.headers.get('idempotent-replayed')).toBe('true');
    const nowBody = (await now.json()) as { sendId: string; notificationIds: string[]; recipientCount: number };
    const stored = onDisk((db) => db.prepare(`SELECT "id" FROM "Notification" WHERE "title" = ? ORDER BY "id"`).all(NOW.title) as { id: string }[]);
    expect(nowBody).toMatchObject({ status: 'sent', recipientCount: 2 });
    expect([...nowBody.notificationIds].sort()).toEqual(stored.map((n) => n.id));
    expect(count(`SELECT COUNT(*) AS n FROM "Notification" WHERE "sendId" = ?`, nowBody.sendId)).toBe(2);

    const later = await post('crash-later', LATER);
    expect(later.status).toBe(202);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    const laterBody = (await later.json()) as { sendId: string; status: string };
    expect(laterBody.status).toBe('scheduled');
    expect(onDisk((db) => db.prepare(`SELECT "id" FROM "Send" WHERE "title" = ?`).all(LATER.title))).toEqual([{ id: laterBody.sendId }]);

    expect(count(`SELECT COUNT(*) AS n FROM "Notification" WHERE "title" = ?`, NOW.title)).toBe(2);
    const other = await post('crash-now', { ...NOW, title: 'Another body' });
    expect(other.status).toBe(422);
    await kill9();
  }, 60_000);
});
