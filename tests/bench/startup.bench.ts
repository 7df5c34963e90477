/**
 * `npm run bench:startup`: how long the real entry point takes from spawn to a healthy `/api/health`
 * (200), on an empty data directory and on an existing SQLite database holding many users and
 * notifications, and how long a restart (SIGTERM → exit → spawn → healthy) takes. Issue 9's goal: ≤ 3 s.
 *
 * Runs whatever `--command` names (default `npm start`: the build check, then the compiled server), so the
 * same script measures other ways to start:
 *   npm run bench:startup -- --command "node --enable-source-maps dist/server/index.js"
 *   npm run bench:startup -- --command "npx tsx server/index.ts"
 * Sizes: STARTUP_BENCH_USERS (100,000) and STARTUP_BENCH_NOTIFICATIONS (1,000,000). Seeding writes the
 * rows straight into SQLite (better-sqlite3, one transaction), ~1 min on the 2-core machine.
 * Bounded in time; listens on 127.0.0.1 only; removes its data directories.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { freePort } from '../helpers/system.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({ options: { command: { type: 'string' }, rounds: { type: 'string' } } });
const command = args.command ?? 'npm start';
const rounds = Number(args.rounds ?? 3);
const users = Number(process.env.STARTUP_BENCH_USERS ?? 100_000);
const notificationsTotal = Number(process.env.STARTUP_BENCH_NOTIFICATIONS ?? 1_000_000);
const HEALTH_DEADLINE_MS = 120_000;

/** A started server process: resolves `healthy` with ms from spawn to the first 200 from /api/health. */
function startNode(dataDir: string, port: number) {
  const started = performance.now();
  const child = spawn(command, {
    shell: true,
    cwd: repoRoot,
    // Its own process group, so SIGTERM reaches the server behind `npm start` / `npx` too.
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const healthy = (async () => {
    while (performance.now() - started < HEALTH_DEADLINE_MS) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${command} was not healthy within ${HEALTH_DEADLINE_MS} ms`);
  })();
  /** SIGTERM to the whole group; resolves once the port refuses connections (npm may exit before its child). */
  const stop = async () => {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    while (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { healthy, stop };
}

/** Fills a migrated database with `users` users and `notificationsTotal` notifications spread over them. */
function seed(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const now = new Date().toISOString().replace('Z', '+00:00');
  const perUser = Math.max(1, Math.floor(notificationsTotal / users));
  const insertUser = db.prepare(
    `INSERT INTO "User" (id, email, name, role, inboxSeq, createdAt, updatedAt) VALUES (?, ?, ?, 'user', ?, ?, ?)`,
  );
  const insertNotification = db.prepare(
    `INSERT INTO "Notification" (id, userId, seq, category, priority, title, body, createdAt) VALUES (?, ?, ?, 'general', 'normal', ?, '', ?)`,
  );
  db.transaction(() => {
    let left = notificationsTotal;
    for (let u = 0; u < users; u++) {
      const id = `benchuser${String(u).padStart(8, '0')}`;
      const count = Math.min(perUser, left);
      insertUser.run(id, `bench${u}@example.com`, `Bench ${u}`, count, now, now);
      for (let seq = 1; seq <= count; seq++) insertNotification.run(randomUUID(), id, seq, `Notification ${seq}`, now);
      left -= count;
    }
  })();
  db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;

/** Starts on `dataDir`, measures `rounds` restarts (SIGTERM → exit → spawn → healthy), stops. */
async function measure(label: string, dataDir: string): Promise<void> {
  const port = await freePort();
  let node = startNode(dataDir, port);
  const first = await node.healthy;
  const restarts: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await node.stop();
    node = startNode(dataDir, port);
    starts.push(await node.healthy);
    restarts.push(performance.now() - t);
  }
  await node.stop();
  console.log(
    `${label.padEnd(44)} first start ${ms(first)}  start → healthy median ${ms(median(starts))}  ` +
      `SIGTERM → healthy again median ${ms(median(restarts))} (max ${ms(Math.max(...restarts))}, n=${rounds})`,
  );
}

console.log(`startup: ${command}`);
const empty = await mkdtemp(path.join(tmpdir(), 'flashnotify-startup-empty-'));
const large = await mkdtemp(path.join(tmpdir(), 'flashnotify-startup-large-'));
try {
  // The empty case measures the first run (migrations, demo seed, bootstrap key); the restarts after it reuse that database.
  await measure('empty data directory', empty);

  // A migrated, seeded database (the empty run's), grown to the target size.
  const seedStart = performance.now();
  for (const name of await readdir(empty)) {
    if (!name.endsWith('-shm')) await copyFile(path.join(empty, name), path.join(large, name));
  }
  seed(path.join(large, 'flashnotify.db'));
  console.log(`(seeded ${users.toLocaleString('en')} users and ${notificationsTotal.toLocaleString('en')} notifications in ${ms(performance.now() - seedStart)})`);
  await measure(`${users.toLocaleString('en')} users, ${notificationsTotal.toLocaleString('en')} notifications`, large);
} finally {
  await Promise.all([rm(empty, { recursive: true, force: true }), rm(large, { recursive: true, force: true })]);
}
