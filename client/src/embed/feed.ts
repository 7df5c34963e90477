import type { BulkUpdateChange } from '@shared/events';
import type { NotificationDto, NotificationPage } from '@shared/schemas/notification';
import { applyBulkChange } from '../lib/bulkChange.js';

/**
 * What the custom element's feed holds: the inbox's `all` view (archived items left out), newest first by
 * `seq`, one entry per id whichever way an item arrived (a page, a live event, a replay after a reconnect),
 * and the cursor of the next page. No DOM: the element renders `items` after each change.
 *
 * @example
 * const feed = new FeedState();
 * feed.setFirstPage(await inbox.list());
 * inbox.on('notification', (item) => feed.add(item) && render(feed.items));
 */
export class FeedState {
  private readonly byId = new Map<string, NotificationDto>();
  private sorted: NotificationDto[] = [];
  /** Cursor of the next older page; null when the last page is loaded or none yet. */
  nextCursor: string | null = null;
  /** Whether a first page arrived since the last reset. */
  loaded = false;

  /** The shown items, newest first. */
  get items(): readonly NotificationDto[] {
    return this.sorted;
  }

  /** Drops what it held for a fresh first page (first load, `reset` after a large gap). */
  setFirstPage(page: NotificationPage): void {
    this.byId.clear();
    this.loaded = true;
    this.appendPage(page);
  }

  /** Adds an older page ("load more"); items already held (arrived live meanwhile) are kept once. */
  appendPage(page: NotificationPage): void {
    for (const item of page.items) this.put(item);
    this.nextCursor = page.nextCursor;
    this.sort();
  }

  /** A new notification (live or replayed): true when it was not held yet. */
  add(item: NotificationDto): boolean {
    if (this.byId.has(item.id) || item.archivedAt !== null) return false;
    this.put(item);
    this.sort();
    return true;
  }

  /** A changed notification: replaced in place, or removed once archived. Unknown ids are ignored (older pages). */
  update(item: NotificationDto): void {
    if (!this.byId.has(item.id)) {
      // Unarchived elsewhere: back in the `all` view if it falls within what is loaded.
      if (item.archivedAt === null && this.loaded && this.coversSeq(item.seq)) this.put(item);
      else return;
    } else if (item.archivedAt !== null) {
      this.byId.delete(item.id);
    } else {
      this.byId.set(item.id, item);
    }
    this.sort();
  }

  /** A "mark all" applied on the server (here or elsewhere), by the app's own rule (lib/bulkChange.ts). */
  applyBulk(change: BulkUpdateChange, now = new Date().toISOString()): void {
    for (const [id, item] of this.byId) this.byId.set(id, applyBulkChange(item, change, now));
    this.sort();
  }

  /** Whether `seq` lies within the loaded range (newer than the oldest loaded item, or every page loaded). */
  private coversSeq(seq: number): boolean {
    const oldest = this.sorted.at(-1);
    return this.nextCursor === null || oldest === undefined || seq >= oldest.seq;
  }

  private put(item: NotificationDto): void {
    if (item.archivedAt === null) this.byId.set(item.id, item);
  }

  private sort(): void {
    this.sorted = [...this.byId.values()].sort((a, b) => b.seq - a.seq);
  }
}
