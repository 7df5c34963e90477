/**
 * The custom element's feed (client/src/embed/feed.ts): newest first, one entry per id however an item
 * arrives, archived items out, "mark all" by the app's rule.
 */
import { describe, expect, it } from 'vitest';
import { FeedState } from '../../../client/src/embed/feed.js';
import { notificationDto } from '../../helpers/notificationDto.js';

const item = notificationDto;
const seqs = (feed: FeedState) => feed.items.map((i) => i.seq);

describe('FeedState', () => {
  it('keeps pages and live items newest first, once each', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(5), item(4)], nextCursor: 'c1' });
    expect(feed.add(item(6))).toBe(true);
    expect(feed.add(item(6))).toBe(false);
    feed.appendPage({ items: [item(3), item(2)], nextCursor: null });
    expect(seqs(feed)).toEqual([6, 5, 4, 3, 2]);
    expect(feed.nextCursor).toBeNull();
    // A replay after a reconnect may bring what a page already had.
    expect(feed.add(item(4))).toBe(false);
  });

  it('replaces a changed item, drops it once archived, and takes an unarchived one back within the loaded range', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(3), item(2), item(1)], nextCursor: 'older' });
    feed.update(item(2, { readAt: '2026-01-02T00:00:00.000Z' }));
    expect(feed.items[1]!.readAt).not.toBeNull();
    feed.update(item(2, { archivedAt: '2026-01-02T00:00:00.000Z' }));
    expect(seqs(feed)).toEqual([3, 1]);
    feed.update(item(2));
    expect(seqs(feed)).toEqual([3, 2, 1]);
    // Older than anything loaded while more pages remain: it comes with its page.
    feed.update(item(0, { id: 'old' }));
    expect(seqs(feed)).toEqual([3, 2, 1]);
    expect(feed.add(item(9, { archivedAt: '2026-01-02T00:00:00.000Z' }))).toBe(false);
  });

  it('drops a snoozed item, and puts it back on top when it wakes under a new seq', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(3), item(2), item(1)], nextCursor: null });
    feed.update(item(2, { snoozedUntil: '2026-01-02T00:00:00.000Z' }));
    expect(seqs(feed)).toEqual([3, 1]);
    expect(feed.add(item(4, { id: 'n1' }))).toBe(true); // n1 woke from an earlier snooze: a new seq
    expect(feed.items.map((i) => i.id)).toEqual(['n1', 'n3']);
    expect(feed.add(item(4, { id: 'n1' }))).toBe(false);
    expect(feed.add(item(5, { snoozedUntil: '2026-01-02T00:00:00.000Z' }))).toBe(false);
  });

  it('drops a deleted item (even one not archived), keeps a pinned one in place, and takes an undone delete back', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(3), item(2), item(1)], nextCursor: null });
    feed.update(item(2, { pinnedAt: '2026-01-02T00:00:00.000Z' }));
    expect(seqs(feed)).toEqual([3, 2, 1]);
    expect(feed.items[1]!.pinnedAt).not.toBeNull();
    feed.update(item(3, { deletedAt: '2026-01-02T00:00:00.000Z' }));
    expect(seqs(feed)).toEqual([2, 1]);
    expect(feed.has('n3')).toBe(false);
    expect(feed.add(item(4, { deletedAt: '2026-01-02T00:00:00.000Z' }))).toBe(false);
    // The undo's event: the item as it was, within the loaded range.
    feed.update(item(3));
    expect(feed.has('n3')).toBe(true);
    expect(seqs(feed)).toEqual([3, 2, 1]);
  });

  it('applies a bounded "mark all read" to what it covers only', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(3), item(2, { category: 'billing' }), item(1)], nextCursor: null });
    feed.applyBulk({ readAll: true, upToSeq: 2 }, '2026-01-03T00:00:00.000Z');
    expect(feed.items.map((i) => i.readAt !== null)).toEqual([false, true, true]);
    feed.applyBulk({ readAll: true, category: 'general' }, '2026-01-03T00:00:00.000Z');
    expect(feed.items.map((i) => i.readAt !== null)).toEqual([true, true, true]);
  });

  it('undoes an optimistic change, except on items changed since or after a new first page', () => {
    const feed = new FeedState();
    feed.setFirstPage({ items: [item(3), item(2), item(1)], nextCursor: null });
    const read = '2026-01-03T00:00:00.000Z';
    const undoRead = feed.tentatively((f) => f.update(item(3, { readAt: read })));
    const undoArchive = feed.tentatively((f) => f.update(item(2, { archivedAt: read })));
    expect(seqs(feed)).toEqual([3, 1]);
    expect(feed.unreadCount).toBe(1);
    undoArchive();
    expect(seqs(feed)).toEqual([3, 2, 1]);
    expect(feed.items[0]!.readAt).toBe(read);
    // A newer version came over the socket meanwhile: that one stays.
    feed.update(item(3, { title: 'Renamed' }));
    undoRead();
    expect(feed.items[0]!.title).toBe('Renamed');

    const undoAll = feed.tentatively((f) => f.applyBulk({ readAll: true }, read));
    expect(feed.unreadCount).toBe(0);
    undoAll();
    expect(feed.unreadCount).toBe(3);

    const stale = feed.tentatively((f) => f.update(item(1, { readAt: read })));
    feed.setFirstPage({ items: [item(1, { readAt: read })], nextCursor: null });
    stale();
    expect(feed.items[0]!.readAt).toBe(read);
  });
});
