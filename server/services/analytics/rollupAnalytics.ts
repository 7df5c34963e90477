import type { AppContext } from '../../context.js';
import { dateFromSql, type SqlRunner } from '../../db/rawDatabase.js';
import { readTimeBin } from './readTimeBins.js';

/** The AnalyticsCursor row of the hourly rollups. */
const CURSOR = 'hourly';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Rows added per INSERT statement (8 parameters each: well under SQLite's and PostgreSQL's limits). */
const UPSERT_CHUNK = 100;

/** Options of one rollup run. */
export interface RollupOptions {
  /** The clock (tests and the benchmark pass theirs). */
  now?: Date;
  /**
   * How long after its event time a source row is surely committed (ANALYTICS_SETTLE_MS): rows are counted
   * once their time is older than this, so a transaction still in flight (a delivery attempt's row is written
   * after the provider answered, stamped with its start) is not skipped by the watermark. 0 in tests.
   */
  settleMs: number;
  /** Source time covered per transaction (default 6 h): bounds one transaction's size when catching up. */
  sliceMs?: number;
  /** Stops after the current slice. */
  signal?: AbortSignal;
}

/** What one run did. */
export interface RollupOutcome {
  /** Every source row up to this instant is counted. */
  watermark: Date;
  /** Slices this run counted. */
  slices: number;
  /** True when another run (another node) advanced the watermark first; this run stopped without counting. */
  yielded: boolean;
}

/** One counter of AnalyticsRollup (see its doc in prisma/schema.prisma for the metrics and dimensions). */
interface Counter {
  bucketStart: number;
  metric: string;
  category: string;
  channel: string;
  provider: string;
  priority: string;
  bin: number;
  count: number;
}

type CounterKey = Omit<Counter, 'count' | 'bucketStart'> & { at: Date; /** Bucket size: an hour unless told (time-to-read histograms: a day). */ bucketMs?: number };

class WatermarkMoved extends Error {}

/**
 * Adds every source event with its time in (watermark, now − settleMs] to the hourly AnalyticsRollup
 * counters, slice by slice, and advances the watermark. Incremental: each source is read through an index
 * on its event time (Notification.createdAt and .readAt, Send.sentAt, DeliveryAttempt.startedAt,
 * Preference.optedOutAt), never scanned whole. Reads change old rows: they are found by `readAt`, so a read
 * days after the notification is counted once, when its `readAt` passes the watermark, into the bucket of
 * the notification's creation hour (read rate and time-to-read per cohort).
 *
 * Safe on every node at once: each slice's transaction first moves the watermark with a compare-and-set
 * (UPDATE … WHERE watermark = the one it read), which takes the cursor row's lock on PostgreSQL; a second
 * run waits on that lock, then finds the watermark moved, rolls back and yields. On SQLite the transaction
 * holds the single writer. Counts are added (INSERT … ON CONFLICT DO UPDATE count = count + n), so the
 * rows of one slice are counted exactly once.
 *
 * @example
 * await rollupAnalytics(ctx, { settleMs: ctx.config.analytics.settleMs });
 */
export async function rollupAnalytics(ctx: AppContext, options: RollupOptions): Promise<RollupOutcome> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() - options.settleMs);
  const sliceMs = options.sliceMs ?? 6 * HOUR_MS;
  let watermark = await readWatermark(ctx, until);
  let slices = 0;
  while (watermark < until && !options.signal?.aborted) {
    const end = new Date(Math.min(watermark.getTime() + sliceMs, until.getTime()));
    const from = watermark;
    try {
      await ctx.raw.transaction(async (sql) => {
        const moved = await sql.run(`UPDATE "AnalyticsCursor" SET "watermark" = ?, "updatedAt" = ? WHERE "name" = ? AND "watermark" = ?`, [end, now, CURSOR, from]);
        if (moved === 0) throw new WatermarkMoved();
        await addCounters(sql, await countSlice(sql, from, end));
      });
    } catch (err) {
      if (err instanceof WatermarkMoved) return { watermark: await readWatermark(ctx, until), slices, yielded: true };
      throw err;
    }
    watermark = end;
    slices++;
  }
  return { watermark, slices, yielded: false };
}

/**
 * The cursor's watermark, created on the first run: just before the oldest notification (history starts
 * with it), or `until` on an empty database.
 */
async function readWatermark(ctx: AppContext, until: Date): Promise<Date> {
  const read = (): Promise<{ watermark: unknown }[]> =>
    ctx.raw.read((sql) => sql.all(`SELECT ${utc(sql, '"watermark"')} AS "watermark" FROM "AnalyticsCursor" WHERE "name" = ?`, [CURSOR]));
  const [row] = await read();
  if (row) return dateFromSql(row.watermark);
  await ctx.raw.transaction(async (sql) => {
    const [oldest] = await sql.all<{ at: unknown }>(`SELECT ${utc(sql, 'MIN("createdAt")')} AS "at" FROM "Notification"`);
    const start = oldest?.at == null ? until : new Date(Math.min(dateFromSql(oldest.at).getTime() - 1, until.getTime()));
    await sql.run(`INSERT INTO "AnalyticsCursor" ("name", "watermark", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING`, [CURSOR, start, new Date()]);
  });
  const [created] = await read();
  return dateFromSql(created!.watermark);
}

/** A timestamp expression read back in UTC (PostgreSQL's zone-less columns would be read in local time). */
function utc(sql: Pick<SqlRunner, 'dialect'>, expression: string): string {
  return sql.dialect === 'postgres' ? `(${expression} AT TIME ZONE 'UTC')` : expression;
}

/** Counts the events of (from, to] into counters keyed by hour and dimensions. */
async function countSlice(sql: SqlRunner, from: Date, to: Date): Promise<Counter[]> {
  const counters = new Map<string, Counter>();
  const add = (key: CounterKey): void => {
    const size = key.bucketMs ?? HOUR_MS;
    const bucketStart = Math.floor(key.at.getTime() / size) * size;
    const id = [bucketStart, key.metric, key.category, key.channel, key.provider, key.priority, key.bin].join('\u0000');
    const counter = counters.get(id);
    if (counter) counter.count++;
    else counters.set(id, { bucketStart, metric: key.metric, category: key.category, channel: key.channel, provider: key.provider, priority: key.priority, bin: key.bin, count: 1 });
  };
  const none = { category: '', channel: '', provider: '', priority: '', bin: -1 };
  const range = [from, to];

  const created = await sql.all<{ category: string; priority: string; at: unknown }>(
    `SELECT "category", "priority", ${utc(sql, '"createdAt"')} AS "at" FROM "Notification" WHERE "createdAt" > ? AND "createdAt" <= ?`,
    range,
  );
  for (const row of created) add({ ...none, metric: 'notifications', category: row.category, priority: row.priority, at: dateFromSql(row.at) });

  const sends = await sql.all<{ category: string; at: unknown }>(
    `SELECT "category", ${utc(sql, '"sentAt"')} AS "at" FROM "Send" WHERE "sentAt" > ? AND "sentAt" <= ?`,
    range,
  );
  for (const row of sends) add({ ...none, metric: 'sends', category: row.category, at: dateFromSql(row.at) });

  const attempts = await sql.all<{ outcome: string; provider: string | null; attempt: number; at: unknown; channel: string; status: string; attempts: number; escalationStep: number | null; category: string }>(
    `SELECT a."outcome", a."provider", a."attempt", ${utc(sql, 'a."startedAt"')} AS "at", d."channel", d."status", d."attempts", d."escalationStep", n."category"
       FROM "DeliveryAttempt" a JOIN "Delivery" d ON d."id" = a."deliveryId" JOIN "Notification" n ON n."id" = d."notificationId"
      WHERE a."startedAt" > ? AND a."startedAt" <= ?`,
    range,
  );
  for (const row of attempts) {
    const at = dateFromSql(row.at);
    const dims = { ...none, channel: row.channel, provider: row.provider ?? '', at };
    // A transient error is a failure only when it was the last try (the delivery died on it).
    const failed = row.outcome === 'permanent_error' || (row.status === 'dead' && row.attempt >= row.attempts);
    add({ ...dims, metric: row.outcome === 'sent' ? 'delivery_sent' : failed ? 'delivery_failed' : 'delivery_retried' });
    if (row.outcome === 'sent' && row.escalationStep !== null) add({ ...none, metric: 'escalation_sent', category: row.category, channel: row.channel, at });
  }

  const reads = await sql.all<{ id: string; category: string; createdAt: unknown; readAt: unknown; channel: string | null; status: string | null; escalationStep: number | null }>(
    `SELECT n."id", n."category", ${utc(sql, 'n."createdAt"')} AS "createdAt", ${utc(sql, 'n."readAt"')} AS "readAt", d."channel", d."status", d."escalationStep"
       FROM "Notification" n LEFT JOIN "Delivery" d ON d."notificationId" = n."id"
      WHERE n."readAt" > ? AND n."readAt" <= ?`,
    range,
  );
  const counted = new Set<string>();
  for (const row of reads) {
    const createdAt = dateFromSql(row.createdAt);
    const readAt = dateFromSql(row.readAt);
    const bin = readTimeBin(readAt.getTime() - createdAt.getTime());
    // A read counts hourly, its time to read in the histogram of the day (the bins would make hourly rows
    // 40× as many): once in-app, and once for each external channel the notification reached.
    const read = (channel: string): void => {
      add({ ...none, metric: 'reads', category: row.category, channel, at: createdAt });
      add({ ...none, metric: 'read_time', category: row.category, channel, bin, at: createdAt, bucketMs: DAY_MS });
    };
    // One row per (notification, delivery): the in-app read once, then each external channel it reached.
    if (!counted.has(row.id)) {
      counted.add(row.id);
      read('in_app');
    }
    if (row.channel === null) continue;
    if (row.status === 'sent') read(row.channel);
    if (row.status === 'cancelled' && row.escalationStep !== null) add({ ...none, metric: 'escalation_cancelled', category: row.category, channel: row.channel, at: readAt });
  }

  const optOuts = await sql.all<{ category: string; channel: string; at: unknown }>(
    `SELECT "category", "channel", ${utc(sql, '"optedOutAt"')} AS "at" FROM "Preference" WHERE "optedOutAt" > ? AND "optedOutAt" <= ?`,
    range,
  );
  for (const row of optOuts) add({ ...none, metric: 'opt_outs', category: row.category, channel: row.channel, at: dateFromSql(row.at) });

  return [...counters.values()];
}

/** Adds the counters to AnalyticsRollup, creating the rows they are the first of. */
async function addCounters(sql: SqlRunner, counters: Counter[]): Promise<void> {
  for (let i = 0; i < counters.length; i += UPSERT_CHUNK) {
    const chunk = counters.slice(i, i + UPSERT_CHUNK);
    await sql.run(
      `INSERT INTO "AnalyticsRollup" ("bucketStart", "metric", "category", "channel", "provider", "priority", "bin", "count")
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT ("bucketStart", "metric", "category", "channel", "provider", "priority", "bin")
       DO UPDATE SET "count" = "AnalyticsRollup"."count" + excluded."count"`,
      chunk.flatMap((c) => [new Date(c.bucketStart), c.metric, c.category, c.channel, c.provider, c.priority, c.bin, c.count]),
    );
  }
}
