/**
 * `npm run bench:analytics`: the analytics page's query at 1,000,000 notifications (issue 12 §2). Boots the
 * real server on a fresh SQLite file, fills it straight through better-sqlite3 (multi-row INSERTs, 10,000
 * rows per transaction): ANALYTICS_BENCH_NOTIFICATIONS (1,000,000) over 30 days and 1,000 users, 60 % read
 * (time to read log-normal around 20 min), one email delivery with its attempt for every fifth (5 % failed),
 * one send per 100. Then it prints:
 *   - the first rollup (catching up 30 days) and an incremental one (a minute of traffic: 1,000 new rows,
 *     1,000 late reads);
 *   - GET /api/admin/analytics's service for 30 days (by day and by hour), median of 7, beside a baseline
 *     computing the same figures by full scans with the raw driver (exact percentiles from sorted times),
 *     and whether both agree on every count;
 *   - what the two indexes the rollup reads through (Notification.createdAt and .readAt) cost ingest:
 *     100,000 notification INSERTs with and without them.
 * Listens on 127.0.0.1 only; removes its data directory.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SqlRunner } from '../../server/db/rawDatabase.js';
import { getAnalytics } from '../../server/services/analytics/getAnalytics.js';
import { rollupAnalytics } from '../../server/services/analytics/rollupAnalytics.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer } from '../helpers/testServer.js';

const TOTAL = Number(process.env.ANALYTICS_BENCH_NOTIFICATIONS ?? 1_000_000);
const USERS = 1_000;
const DAY_MS = 86_400_000;
const PER_TRANSACTION = 10_000;
const CHUNK = 100;
const CATEGORIES = ['billing', 'security', 'product', 'social', 'system'];
const PRIORITIES = ['low', 'normal', 'high', 'critical'];
const iso = (ms: number) => new Date(ms);

/** A pseudo-random sequence (the same figures on every run). */
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const postgres: StartedPostgres | undefined = process.argv.includes('--postgres') ? await startPostgres() : undefined;
const server = await getTestServer({
  ANALYTICS_ROLLUP_INTERVAL_MS: '3600000',
  ANALYTICS_SETTLE_MS: '0',
  DELIVERY_INTERVAL_MS: '60000',
  SCHEDULER_INTERVAL_MS: '60000',
  ...(postgres ? { DATABASE_URL: postgres.url } : {}),
});
const { raw } = server.ctx;
console.log(`on ${raw.dialect}`);
const now = Date.now();
const start = now - 30 * DAY_MS;

async function insertMany(sql: SqlRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await sql.run(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`, chunk.flat());
  }
}

/** Inserts `count` notifications from seq `firstSeq` on, created in [from, to); returns ms taken. */
async function fill(count: number, firstSeq: number, from: number, to: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < count; done += PER_TRANSACTION) {
    const n = Math.min(PER_TRANSACTION, count - done);
    const notifications: unknown[][] = [];
    const deliveries: unknown[][] = [];
    const attempts: unknown[][] = [];
    const sends: unknown[][] = [];
    for (let k = 0; k < n; k++) {
      const i = done + k;
      const createdAt = from + Math.floor(((i + 0.5) / count) * (to - from));
      const category = CATEGORIES[i % CATEGORIES.length]!;
      const id = randomUUID();
      const delay = Math.exp(Math.log(1_200_000) + 1.5 * (random() + random() + random() - 1.5));
      const readAt = random() < 0.6 && createdAt + delay < now ? iso(createdAt + delay) : null;
      notifications.push([id, `u${i % USERS}`, firstSeq + Math.floor(i / USERS), category, PRIORITIES[i % 4], 'Bench', '', iso(createdAt), readAt]);
      if (i % 5 === 0) {
        const deliveryId = randomUUID();
        const failed = i % 100 === 0;
        deliveries.push([deliveryId, id, `u${i % USERS}`, 'email', failed ? 'failed' : 'sent', 1, iso(createdAt), iso(createdAt), iso(createdAt)]);
        attempts.push([randomUUID(), deliveryId, 1, iso(createdAt + 50), 50, failed ? 'permanent_error' : 'sent', 'smtp']);
      }
      if (i % 100 === 0) sends.push([randomUUID(), category, 'normal', 'Bench', iso(createdAt), iso(createdAt)]);
    }
    await raw.transaction(async (sql) => {
      await insertMany(sql, 'Notification', ['id', 'userId', 'seq', 'category', 'priority', 'title', 'body', 'createdAt', 'readAt'], notifications);
      await insertMany(sql, 'Delivery', ['id', 'notificationId', 'userId', 'channel', 'status', 'attempts', 'nextAttemptAt', 'createdAt', 'updatedAt'], deliveries);
      await insertMany(sql, 'DeliveryAttempt', ['id', 'deliveryId', 'attempt', 'startedAt', 'latencyMs', 'outcome', 'provider'], attempts);
      await insertMany(sql, 'Send', ['id', 'category', 'priority', 'title', 'createdAt', 'sentAt'], sends);
    });
  }
  return performance.now() - started;
}

const median = async (run: () => Promise<unknown>, times = 7): Promise<number> => {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

try {
  await raw.transaction((sql) => insertMany(sql, 'User', ['id', 'email', 'name', 'updatedAt'], Array.from({ length: USERS }, (_, u) => [`u${u}`, `u${u}@bench.test`, `U ${u}`, iso(now)])));
  // The boot's rollup started its history at the empty database's "now": start it over at the oldest row.
  await raw.transaction(async (sql) => {
    await sql.run('DELETE FROM "AnalyticsCursor"');
    await sql.run('DELETE FROM "AnalyticsRollup"');
  });
  const fillMs = await fill(TOTAL, 1, start, now - 60_000);
  console.log(`filled ${TOTAL.toLocaleString('en')} notifications (+ ${(TOTAL / 5).toLocaleString('en')} deliveries and attempts, ${(TOTAL / 100).toLocaleString('en')} sends) in ${(fillMs / 1000).toFixed(1)} s`);

  let t = performance.now();
  const first = await rollupAnalytics(server.ctx, { settleMs: 0, now: new Date(now) });
  console.log(`first rollup (30 days, ${first.slices} slices of 6 h): ${ms(performance.now() - t)}; rollup rows: ${(await raw.read((sql) => sql.all<{ n: number }>('SELECT COUNT(*) AS "n" FROM "AnalyticsRollup"')))[0]!.n}`);

  // A minute of traffic: 1,000 new notifications and 1,000 reads of old ones.
  await fill(1_000, 1_000_000, now, now + 60_000);
  await raw.transaction((sql) =>
    sql.run(`UPDATE "Notification" SET "readAt" = ? WHERE "id" IN (SELECT "id" FROM "Notification" WHERE "readAt" IS NULL AND "createdAt" < ? LIMIT 1000)`, [iso(now + 30_000), iso(now - DAY_MS)]),
  );
  t = performance.now();
  await rollupAnalytics(server.ctx, { settleMs: 0, now: new Date(now + 60_001) });
  console.log(`incremental rollup (1,000 new, 1,000 late reads): ${ms(performance.now() - t)}`);

  const range = { from: new Date(now - 30 * DAY_MS), to: new Date(now + 60_001) };
  const byDay = await median(() => getAnalytics(server.ctx, { ...range, granularity: 'day' }));
  const byHour = await median(() => getAnalytics(server.ctx, { ...range, granularity: 'hour' }));
  const report = await getAnalytics(server.ctx, { ...range, granularity: 'day' });

  // The baseline: the same figures by full scans with the raw driver.
  const scanFrom = new Date(Math.floor(range.from.getTime() / DAY_MS) * DAY_MS);
  const seconds = raw.dialect === 'postgres' ? 'EXTRACT(EPOCH FROM ("readAt" - "createdAt"))::float8' : '(julianday("readAt") - julianday("createdAt")) * 86400';
  const count = raw.dialect === 'postgres' ? 'COUNT(*)::int' : 'COUNT(*)';
  const scan = () => raw.read(async (sql) => {
    const created = await sql.all<{ category: string; n: number }>(`SELECT "category", "priority", ${count} AS "n" FROM "Notification" WHERE "createdAt" >= ? GROUP BY 1, 2`, [scanFrom]);
    const reads = await sql.all<{ category: string; s: number }>(`SELECT "category", ${seconds} AS "s" FROM "Notification" WHERE "createdAt" >= ? AND "readAt" IS NOT NULL`, [scanFrom]);
    const times = new Map<string, number[]>();
    for (const row of reads) (times.get(row.category) ?? times.set(row.category, []).get(row.category)!).push(row.s);
    const percentiles = [...times].map(([category, list]) => {
      list.sort((a, b) => a - b);
      return { category, reads: list.length, p50: list[Math.ceil(0.5 * list.length) - 1]!, p90: list[Math.ceil(0.9 * list.length) - 1]! };
    });
    const deliveries = await sql.all<{ outcome: string; n: number }>(
      `SELECT d."channel", a."provider", a."outcome", ${count} AS "n" FROM "DeliveryAttempt" a JOIN "Delivery" d ON d."id" = a."deliveryId" WHERE a."startedAt" >= ? GROUP BY 1, 2, 3`,
      [scanFrom],
    );
    const [sends] = await sql.all<{ n: number }>(`SELECT ${count} AS "n" FROM "Send" WHERE "sentAt" >= ?`, [scanFrom]);
    return { created, percentiles, deliveries, sends: sends! };
  });
  const baselineMs = await median(scan, 3);
  const baseline = await scan();
  const agree =
    baseline.created.reduce((sum, row) => sum + row.n, 0) === report.totals.notifications &&
    baseline.percentiles.reduce((sum, row) => sum + row.reads, 0) === report.totals.reads &&
    baseline.deliveries.filter((row) => row.outcome === 'sent').reduce((sum, row) => sum + row.n, 0) === report.totals.deliveriesSent &&
    baseline.sends.n === report.totals.sends;
  console.log(`30-day analytics from the rollups: ${ms(byDay)} by day, ${ms(byHour)} by hour (median of 7)`);
  console.log(`30-day figures by full scans (raw driver, exact percentiles): ${ms(baselineMs)} (median of 3); counts agree: ${agree}`);
  for (const row of baseline.percentiles) {
    const rolled = report.categories.find((c) => c.category === row.category)!;
    console.log(`  ${row.category}: p50 ${row.p50.toFixed(0)} s exact vs ${rolled.p50Seconds} s from the histogram; p90 ${row.p90.toFixed(0)} s vs ${rolled.p90Seconds} s`);
  }

  // What the rollup's two indexes cost ingest.
  const withIndexes = await fill(100_000, 2_000_000, now, now + 1000);
  await raw.transaction(async (sql) => {
    await sql.run('DROP INDEX "Notification_createdAt_idx"');
    await sql.run('DROP INDEX "Notification_readAt_idx"');
  });
  const withoutIndexes = await fill(100_000, 3_000_000, now, now + 1000);
  console.log(`100,000 notification INSERTs (with every fifth's delivery): ${ms(withIndexes)} with the createdAt and readAt indexes, ${ms(withoutIndexes)} without`);
} finally {
  await server.stop();
  await postgres?.stop();
}
