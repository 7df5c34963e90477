import { BULK_EVENT_ITEMS_MAX } from '../../../shared/events.js';
import type { InboxCounts } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { presentNotification, type NotificationRow } from '../../presenters/notification.js';

/** What the user's tabs are told after a bulk action or an undo: the changed items when few, else "refetch". */
export type ChangedItems = { items: NotificationRow[] } | { refetch: true };

/**
 * Reads the changed rows (inside the action's transaction, after its writes) when at most
 * BULK_EVENT_ITEMS_MAX changed; beyond, one event telling clients to refetch is cheaper than a huge frame.
 */
export async function readChangedItems(tx: Tx, ids: readonly string[]): Promise<ChangedItems> {
  if (ids.length > BULK_EVENT_ITEMS_MAX) return { refetch: true };
  if (ids.length === 0) return { items: [] };
  return { items: await tx.notification.findMany({ where: { id: { in: [...ids] } }, orderBy: { seq: 'desc' } }) };
}

/**
 * After commit: one `notifications.bulkUpdated` for every tab of the user (when anything changed), then
 * the counts, so a client never sees counts that its lists contradict for long.
 */
export function publishBulkChange(ctx: AppContext, userId: string, changed: ChangedItems, counts: InboxCounts): void {
  if ('refetch' in changed) ctx.realtime.publish(userId, 'notifications.bulkUpdated', { refetch: true });
  else if (changed.items.length > 0) ctx.realtime.publish(userId, 'notifications.bulkUpdated', { items: changed.items.map(presentNotification) });
  ctx.realtime.publish(userId, 'counts.updated', counts);
}
