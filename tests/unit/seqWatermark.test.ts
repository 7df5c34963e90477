import { describe, expect, it } from 'vitest';
import { SeqWatermark } from '../../shared/inboxSync.js';

describe('SeqWatermark', () => {
  it('has no watermark before the first sync', () => {
    const tracker = new SeqWatermark();
    expect(tracker.watermark).toBeUndefined();
    tracker.accept({ id: 'a', seq: 5 });
    expect(tracker.watermark).toBeUndefined();
    tracker.confirmUpTo(4);
    expect(tracker.watermark).toBe(5);
  });

  it('advances only over contiguous seqs, so an out-of-order arrival never hides a gap', () => {
    const tracker = new SeqWatermark(10);
    tracker.accept({ id: 'c', seq: 13 });
    tracker.accept({ id: 'a', seq: 11 });
    expect(tracker.watermark).toBe(11);
    tracker.accept({ id: 'b', seq: 12 });
    expect(tracker.watermark).toBe(13);
  });

  it('drops duplicates by id', () => {
    const tracker = new SeqWatermark(0);
    expect(tracker.accept({ id: 'a', seq: 1 })).toBe(true);
    expect(tracker.accept({ id: 'a', seq: 1 })).toBe(false);
  });

  it('takes an id again under a higher seq (woken from a snooze), and advances over it', () => {
    const tracker = new SeqWatermark(0);
    tracker.accept({ id: 'a', seq: 1 });
    tracker.accept({ id: 'b', seq: 2 });
    expect(tracker.accept({ id: 'a', seq: 3 })).toBe(true);
    expect(tracker.watermark).toBe(3);
    expect(tracker.accept({ id: 'a', seq: 3 })).toBe(false); // the replay of the wake-up
    expect(tracker.accept({ id: 'a', seq: 1 })).toBe(false); // a stale copy of its old self
  });

  it('ignores confirmations behind the watermark and resets on demand', () => {
    const tracker = new SeqWatermark(7);
    tracker.confirmUpTo(3);
    expect(tracker.watermark).toBe(7);
    tracker.accept({ id: 'x', seq: 8 });
    tracker.reset(100);
    expect(tracker.watermark).toBe(100);
    expect(tracker.accept({ id: 'x', seq: 8 })).toBe(true);
  });
});
