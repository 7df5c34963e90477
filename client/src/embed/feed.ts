import type { BulkUpdateChange } from '@shared/events';
import type { NotificationDto, NotificationPage } from '@shared/schemas/notification';
import { applyBulkChange } from '../lib/bulkChange.js';

/** Whether `item` belongs in the `all` view: neither archived, snoozed nor deleted (a deleted one is archived too; said for clarity). */
export const inAllView = (item: NotificationDto) => item.archivedAt === null && item.snoozedUntil === null && item.deletedAt === null;

/**
 * What the custom element's feed holds: the inbox's `all` view (archived, snoozed and deleted items left out), or a search in it (the element decides what a live change means to one), newest first by
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
  /** Bumped by every first page: an undo made before one has nothing left to undo. */
  private epoch = 0;

  /** The shown items, newest first. */
  get items(): readonly NotificationDto[] {
    return this.sorted;
  }

  /** Whether it holds (shows) the item `id`. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** How many of the shown items are unread. */
  get unreadCount(): number {
    return this.sorted.filter((item) => item.readAt === null).length;
  }

  /** Drops what it held for a fresh first page (first load, `reset` after a large gap). */
  setFirstPage(page: NotificationPage): void {
    this.epoch += 1;
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

  /** A new notification (live or replayed): true when it was not held yet, or held under an older seq (woken from a snooze). */
  add(item: NotificationDto): boolean {
    const held = this.byId.get(item.id);
    if ((held && held.seq >= item.seq) || !inAllView(item)) return false;
    this.put(item);
    this.sort();
    return true;
  }

  /** A changed notification: replaced in place, or removed once archived, snoozed or deleted. Unknown ids are ignored (older pages). */
  update(item: NotificationDto): void {
    if (!this.byId.has(item.id)) {
      // Unarchived elsewhere: back in the `all` view if it falls within what is loaded.
      if (inAllView(item) && this.loaded && this.coversSeq(item.seq)) this.put(item);
      else return;
    } else if (!inAllView(item)) {
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

  /**
   * Applies `change` at once (an optimistic update) and returns what undoes it, for when the server refuses:
   * each item the change touched (changed or removed) is put back as it was, unless something else changed
   * it since (a socket event, the server's answer to another change) or a new first page replaced them all.
   *
   * @example
   * const undo = feed.tentatively((f) => f.update({ ...item, readAt: new Date().toISOString() }));
   * client.markRead(item.id).catch(undo);
   */
  tentatively(change: (feed: FeedState) => void): () => void {
    const before = new Map(this.byId);
    const epoch = this.epoch;
    change(this);
    const after = new Map(this.byId);
    return () => {
      if (epoch !== this.epoch) return;
      for (const [id, old] of before) {
        const applied = after.get(id);
        if (applied !== old && this.byId.get(id) === applied) this.byId.set(id, old);
      }
      this.sort();
    };
  }

  /** Whether `seq` lies within the loaded range (newer than the oldest loaded item, or every page loaded). */
  private coversSeq(seq: number): boolean {
    const oldest = this.sorted.at(-1);
    return this.nextCursor === null || oldest === undefined || seq >= oldest.seq;
  }

  private put(item: NotificationDto): void {
    if (inAllView(item)) this.byId.set(item.id, item);
  }

  private sort(): void {
    this.sorted = [...this.byId.values()].sort((a, b) => b.seq - a.seq);
  }
}
