import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { Prisma } from '../generated/sqlite/client.js';

/**
 * The tables whose rows are leased work. Each has `claimedBy` (text: the token of the claim holding the
 * row, null when free) and `leaseUntil` (until when that claim holds it; while a row waits for a retry,
 * the time it is due again).
 */
export type LeasedTable = 'Delivery' | 'Send' | 'DigestRun' | 'WebhookMessage';

/**
 * A row this process holds. Every write its holder makes is conditional on `claimedBy` (and a status),
 * so a holder that stalled past its lease cannot overwrite what the one that took over recorded; every
 * write that ends the lease sets `claimedBy` and `leaseUntil` back to null (or `leaseUntil` to the retry time).
 */
export interface Lease {
  id: string;
  /** The claim's token: random per claim, so a row claimed again (even by the same node) has a new one. */
  claimedBy: string;
}

/** What claimDue takes for one table. */
export interface DueWork {
  table: LeasedTable;
  /**
   * The rows that may be claimed at `now` once no live lease holds them (the engine adds
   * `"leaseUntil" IS NULL OR "leaseUntil" < now` itself): free due rows, and rows left by a dead holder.
   */
  ready: Prisma.Sql;
  /** The claim order (the oldest due first), a column of `table`. */
  orderBy: Prisma.Sql;
  /** Further assignments of the claim (status, attempts), after `"claimedBy"` and `"leaseUntil"`. */
  set?: Prisma.Sql;
  /** Further columns returned, each preceded by a comma (`, "attempts"`). */
  returning?: Prisma.Sql;
}

/** A new claim token: one per claim statement (the rows it takes share it). */
export function newClaimToken(): string {
  return randomUUID();
}

/**
 * Claims up to `limit` rows of `work` due at `now` for `leaseMs`, in ONE conditional UPDATE on both
 * databases: the sub-select picks due rows no live lease holds, the update sets `claimedBy` (a new
 * token) and `leaseUntil`, and RETURNING hands back exactly the rows taken. On PostgreSQL the sub-select
 * locks with `FOR UPDATE SKIP LOCKED`, so concurrent claimers on other nodes take disjoint rows (a row
 * another claim committed meanwhile is re-checked and no longer matches); SQLite has one writer, so the
 * statement is atomic. Returns the claimed rows with their token.
 *
 * @example
 * const claims = await claimDue<{ id: string }>(ctx, { table: 'Send', ready: Prisma.sql`"status" = 'scheduled'`, orderBy: Prisma.sql`"scheduledAt"` }, { limit: 10, leaseMs: 60_000 });
 */
export async function claimDue<Row extends { id: string }>(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  work: DueWork,
  { limit, leaseMs, now = new Date() }: { limit: number; leaseMs: number; now?: Date },
): Promise<(Row & Lease)[]> {
  if (limit <= 0) return [];
  const claimedBy = newClaimToken();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const table = Prisma.raw(`"${work.table}"`);
  const lock = Prisma.raw(ctx.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '');
  const set = work.set ? Prisma.sql`, ${work.set}` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<Row[]>`
    UPDATE ${table} SET "claimedBy" = ${claimedBy}, "leaseUntil" = ${leaseUntil}${set}
    WHERE "id" IN (
      SELECT "id" FROM ${table}
      WHERE (${work.ready}) AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY ${work.orderBy} LIMIT ${limit} ${lock}
    ) RETURNING "id"${work.returning ?? Prisma.empty}`;
  return rows.map((row) => ({ ...row, claimedBy }));
}

/**
 * Extends the lease of `lease` (a row of `table` still being worked on) to `now + leaseMs`, if its token
 * still holds it. Returns false when it does not: the work was finished or released, or (its holder
 * stalled past an expired lease) another claim took the row.
 */
export async function renewLease(ctx: Pick<AppContext, 'db'>, table: LeasedTable, lease: Lease, leaseMs: number, now = new Date()): Promise<boolean> {
  const renewed = await ctx.db.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} SET "leaseUntil" = ${new Date(now.getTime() + leaseMs)}
    WHERE "id" = ${lease.id} AND "claimedBy" = ${lease.claimedBy}`;
  return renewed > 0;
}

/**
 * Runs `work` on a claimed row while keeping its lease: renewed every third of `leaseMs` until the work
 * ends, so a live holder never loses its row however slow the work (a busy machine, a slow provider),
 * and only a dead node's leases run out. A failed renewal (the database briefly away) is reported to
 * `onError` and tried again at the next tick; the work's own conditional writes decide what counts.
 *
 * @example
 * await holdLease(ctx, 'Delivery', claim, config.delivery.leaseMs, () => processDelivery(ctx, claim), onError);
 */
export async function holdLease<T>(
  ctx: Pick<AppContext, 'db'>,
  table: LeasedTable,
  lease: Lease,
  leaseMs: number,
  work: () => Promise<T>,
  onError: (err: unknown) => void,
): Promise<T> {
  const renewal = setInterval(() => {
    renewLease(ctx, table, lease, leaseMs).catch(onError);
  }, Math.max(1, Math.floor(leaseMs / 3)));
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
  }
}
