import type { BulkUpdateChange } from '@shared/events';
import type { NotificationDto } from '@shared/schemas/notification';

/**
 * Whether a "mark all" change covers an item, by the server's own rule (server/services/notifications/
 * markAll.ts): not archived, not snoozed, in its category when it has one, and `seq <= upToSeq` when bounded.
 */
export function coveredBy(change: BulkUpdateChange, item: NotificationDto): boolean {
  return (
    item.archivedAt === null &&
    item.snoozedUntil === null &&
    (!change.category || item.category === change.category) &&
    (change.upToSeq === undefined || item.seq <= change.upToSeq)
  );
}

/** The item as the server leaves it after `change` (reading implies seeing). */
export function applyBulkChange(item: NotificationDto, change: BulkUpdateChange, now: string): NotificationDto {
  if (!coveredBy(change, item)) return item;
  const read = change.readAll && item.readAt === null;
  const seen = (change.readAll || change.seenAll) && item.seenAt === null;
  if (!read && !seen) return item;
  return { ...item, ...(read ? { readAt: now } : {}), ...(seen ? { seenAt: now } : {}) };
}
