import { BULK_IDS_MAX, type BulkAction, type BulkFilter, type NotificationDto, type UpdateNotificationInput } from '@shared/schemas/notification';
import { applyPatch, normalizeFilters, type InboxFilters } from './filters';

/**
 * Bulk selection in the inbox, as pure functions over ids: the page keeps a set of selected ids, in the
 * order the rows are shown, and changes it with these.
 */

/** The selection with `id` checked or not. */
export function toggleSelected(selected: ReadonlySet<string>, id: string, checked: boolean): Set<string> {
  const next = new Set(selected);
  if (checked) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * A shift-click: every row from `anchor` (the row last clicked) to `target`, both included, takes the
 * target's new state, as in a mail client. Without an anchor still shown, only the target changes.
 *
 * @example
 * selectRange(['a', 'b', 'c', 'd'], 'b', 'd', new Set(['b']), true) // Set { 'b', 'c', 'd' }
 */
export function selectRange(order: readonly string[], anchor: string | undefined, target: string, selected: ReadonlySet<string>, checked: boolean): Set<string> {
  const from = anchor === undefined ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  if (from === -1 || to === -1) return toggleSelected(selected, target, checked);
  const next = new Set(selected);
  for (const id of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (checked) next.add(id);
    else next.delete(id);
  }
  return next;
}

/**
 * The selection without the ids no longer shown (archived out of the view, deleted, snoozed…): the same
 * set when nothing left, so an unchanged selection causes no render.
 */
export function keepShown(selected: ReadonlySet<string>, shown: ReadonlySet<string>): ReadonlySet<string> {
  for (const id of selected) {
    if (!shown.has(id)) return new Set([...selected].filter((kept) => shown.has(kept)));
  }
  return selected;
}

/**
 * "Everything in this view" as `POST /api/notifications/bulk` takes it: the list's own filters (status,
 * category, and search and pinned where the view has them), in the same canonical form as the list's cache
 * key, so the bulk action covers exactly what the list shows.
 */
export function bulkFilterOf(filters: InboxFilters): BulkFilter {
  return normalizeFilters(filters);
}

/** Ids in requests of at most BULK_IDS_MAX (what one bulk request takes). */
export function idBatches(ids: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BULK_IDS_MAX) batches.push(ids.slice(i, i + BULK_IDS_MAX));
  return batches;
}

/** Each bulk action as the one-notification change it makes (delete aside: see applyBulkAction). */
const BULK_PATCHES: Record<Exclude<BulkAction, 'delete'>, UpdateNotificationInput> = {
  read: { read: true },
  unread: { read: false },
  archive: { archived: true },
  unarchive: { archived: false },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/**
 * The item as the server leaves it after a bulk `action` (for optimistic updates). Deleting archives too,
 * and ends a snooze, as the server does, so it leaves every list and count at once.
 */
export function applyBulkAction(item: NotificationDto, action: BulkAction, now: string = new Date().toISOString()): NotificationDto {
  if (action !== 'delete') return applyPatch(item, BULK_PATCHES[action], now);
  return { ...item, deletedAt: now, archivedAt: item.archivedAt ?? now, snoozedUntil: null };
}
