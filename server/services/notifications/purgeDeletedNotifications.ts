import type { AppContext } from '../../context.js';

/** Rows removed per transaction: short transactions, so inbox writes (and SQLite's single writer) never wait long. */
export const PURGE_BATCH = 500;

export interface PurgeOptions {
  /** Rows per batch (tests use small ones to see the batching). */
  batchSize?: number;
  /** Stops between batches (a shutdown). */
  signal?: AbortSignal;
}

/** What one purge removed. */
export interface PurgeResult {
  notifications: number;
  undoTickets: number;
  batches: number;
}

/**
 * Removes for good the notifications deleted more than DELETED_RETENTION_DAYS ago (never sooner than the
 * undo window, so a pending undo always finds its rows), and the expired undo tickets, in batches of
 * `batchSize` rows, one transaction each. Their deliveries go with them (cascade); the search index
 * follows by itself (SQLite trigger, PostgreSQL index). Safe on every node at once: a row two nodes pick
 * is deleted by one of them, the other's delete matches nothing.
 */
export async function purgeDeletedNotifications(ctx: AppContext, now: Date, { batchSize = PURGE_BATCH, signal }: PurgeOptions = {}): Promise<PurgeResult> {
  const { deletedRetentionDays, undoWindowSeconds } = ctx.config;
  const keepMs = Math.max(deletedRetentionDays * 86_400_000, undoWindowSeconds * 1000);
  const cutoff = new Date(now.getTime() - keepMs);
  const result: PurgeResult = { notifications: 0, undoTickets: 0, batches: 0 };
  for (;;) {
    if (signal?.aborted) return result;
    const rows = await ctx.db.notification.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true }, take: batchSize });
    if (rows.length === 0) break;
    const { count } = await ctx.db.notification.deleteMany({ where: { id: { in: rows.map((row) => row.id) }, deletedAt: { lt: cutoff } } });
    result.notifications += count;
    result.batches += 1;
    if (rows.length < batchSize) break;
  }
  for (;;) {
    if (signal?.aborted) return result;
    const rows = await ctx.db.inboxUndo.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take: batchSize });
    if (rows.length === 0) break;
    const { count } = await ctx.db.inboxUndo.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    result.undoTickets += count;
    result.batches += 1;
    if (rows.length < batchSize) break;
  }
  return result;
}
