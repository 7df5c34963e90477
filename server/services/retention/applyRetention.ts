import type { AppContext } from '../../context.js';
import { batchTimer, PURGE_BATCH, type BatchOptions } from '../batches.js';
import { purgeIdempotencyRecords } from '../idempotency/purgeIdempotencyRecords.js';
import { addRemoved, noneRemoved, removeNotificationsWhere, type RemovedBatches } from '../notifications/removeNotificationsWhere.js';

const DAY_MS = 86_400_000;

/** What one retention run removed. */
export interface RetentionResult {
  /** Notifications past their category's window, with their deliveries, attempts and dev-outbox copies. */
  removed: RemovedBatches;
  /** Dev-outbox messages of no delivery (invitations, password resets, digests…) past the default window. */
  outboxMessages: number;
  /** Idempotency-Key answers past their 24 h. */
  idempotencyRecords: number;
}

/**
 * The days one category's notifications are kept: its own `retentionDays`, else NOTIFICATION_RETENTION_DAYS;
 * 0 means forever.
 */
export const retentionDaysOf = (category: { retentionDays: number | null }, defaultDays: number): number => category.retentionDays ?? defaultDays;

/**
 * Applies the retention policy (issue 12 §3): removes the notifications older than their category's
 * window (`Category.retentionDays`, else NOTIFICATION_RETENTION_DAYS; 0 keeps them forever) with their
 * deliveries, attempts and dev-outbox copies, their sends keeping their read and action counts; then the
 * dev-outbox messages of no delivery older than the default window, and the Idempotency-Key answers past
 * their 24 h. Everything in batches of `batchSize` rows, each its own short transaction, so sends commit
 * between them (removeNotificationsWhere, deleteInBatches); safe on every node at once.
 *
 * Kept whatever their age: pinned notifications (the user saved them on purpose) and snoozed ones (the
 * user asked to see them again later). Age is `createdAt`, the time it was sent.
 *
 * @example
 * const result = await applyRetention(ctx, new Date(), { signal });
 */
export async function applyRetention(ctx: AppContext, now: Date, options: BatchOptions = {}): Promise<RetentionResult> {
  const defaultDays = ctx.config.notificationRetentionDays;
  const removed = noneRemoved();
  const categories = await ctx.db.category.findMany({ select: { key: true, retentionDays: true }, orderBy: { key: 'asc' } });
  for (const category of categories) {
    const days = retentionDaysOf(category, defaultDays);
    if (days === 0 || options.signal?.aborted) continue;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    addRemoved(removed, await removeNotificationsWhere(ctx, { category: category.key, createdAt: { lt: cutoff }, pinnedAt: null, snoozedUntil: null }, options));
  }
  const outboxMessages = defaultDays === 0 ? 0 : await purgeLooseOutboxMessages(ctx, new Date(now.getTime() - defaultDays * DAY_MS), options);
  const idempotencyRecords = await purgeIdempotencyRecords(ctx.db, now, options);
  return { removed, outboxMessages, idempotencyRecords };
}

/**
 * Dev-outbox messages older than `cutoff` that belong to no delivery still stored (an invitation, a digest, or
 * a delivery removed before its copy was): a delivery's copy otherwise goes with its notification.
 */
async function purgeLooseOutboxMessages(ctx: AppContext, cutoff: Date, { batchSize = PURGE_BATCH, signal }: BatchOptions): Promise<number> {
  const old = { createdAt: { lt: cutoff } };
  let purged = 0;
  // Paged by id: the copies kept (their delivery is still stored) are stepped over, not read again.
  for (let after = ''; !signal?.aborted; ) {
    const rest = batchTimer();
    const rows = await ctx.db.outboxMessage.findMany({ where: { ...old, id: { gt: after } }, select: { id: true, deliveryId: true }, orderBy: { id: 'asc' }, take: batchSize });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const deliveryIds = rows.flatMap((row) => (row.deliveryId ? [row.deliveryId] : []));
    const live = new Set((await ctx.db.delivery.findMany({ where: { id: { in: deliveryIds } }, select: { id: true } })).map((row) => row.id));
    const loose = rows.filter((row) => !row.deliveryId || !live.has(row.deliveryId)).map((row) => row.id);
    if (loose.length > 0) purged += (await ctx.db.outboxMessage.deleteMany({ where: { id: { in: loose }, ...old } })).count;
    if (rows.length < batchSize) break;
    await rest();
  }
  return purged;
}
