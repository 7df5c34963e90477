import { describe, expect, it } from 'vitest';
import type { SyncReply } from '../../shared/events.js';
import { InboxSync } from '../../shared/inboxSync.js';
import type { InboxCounts, NotificationDto } from '../../shared/schemas/notification.js';

const counts: InboxCounts = { unread: 0, unseen: 0, version: 1 };
const item = (seq: number) => ({ id: `n${seq}`, seq }) as NotificationDto;
const replay = (latestSeq: number, seqs: number[]): SyncReply => ({ ok: true, kind: 'replay', latestSeq, items: seqs.map(item), counts });

/** A transport whose answers the test hands out one by one, and an InboxSync over it. */
function harness(options: { maxAttempts?: number } = {}) {
  const requests: { afterSeq: number; answer(reply: SyncReply): void; fail(): void }[] = [];
  const created: number[] = [];
  const caughtUp: number[] = [];
  const resets: number[] = [];
  const waits: number[] = [];
  const sync = new InboxSync({
    request: (afterSeq) =>
      new Promise<SyncReply>((resolve, reject) => requests.push({ afterSeq, answer: resolve, fail: () => reject(new Error('timeout')) })),
    handlers: {
      created: (n) => created.push(n.seq),
      counts: () => {},
      reset: (seq) => resets.push(seq),
      caughtUp: (count) => caughtUp.push(count),
    },
    wait: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  /** Lets the catch-up loop run until it awaits the next request (or finishes). */
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** A connected client that holds everything up to `seq`. */
  const live = (seq: number) => {
    sync.connected();
    sync.syncDone(seq);
  };
  return { sync, requests, created, caughtUp, resets, waits, settle, live };
}

describe('InboxSync', () => {
  it('drops duplicates by id, live or replayed', () => {
    const { sync, live } = harness();
    live(0);
    expect(sync.received(item(1))).toBe(true);
    expect(sync.received(item(1), { replayed: true })).toBe(false);
    expect(sync.received(item(1))).toBe(false);
    expect(sync.tracker.watermark).toBe(1);
  });

  it('asks for the gap at once when a live event jumps in seq, and delivers what was missing exactly once', async () => {
    const { sync, requests, created, caughtUp, settle, live } = harness();
    live(10);
    expect(sync.received(item(13))).toBe(true); // 11 and 12 were lost
    expect(requests.map((r) => r.afterSeq)).toEqual([10]);
    expect(sync.catchingUp).toBe(true);
    // 12 arrives live while the request is in flight (out of order, not lost): no second request.
    expect(sync.received(item(12))).toBe(true);
    expect(requests).toHaveLength(1);

    requests[0]!.answer(replay(13, [11, 12, 13]));
    await settle();
    expect(created).toEqual([11]); // 12 and 13 were already held
    expect(caughtUp).toEqual([1]);
    expect(sync.tracker.watermark).toBe(13);
    expect(sync.tracker.hasGap).toBe(false);
    expect(sync.catchingUp).toBe(false);
  });

  it('does not chase gaps while a (re)connect replay is running: sync.done closes them', () => {
    const { sync, requests } = harness();
    sync.connected();
    sync.syncDone(5);
    sync.disconnected();
    sync.connected(); // the server replays 6..8 after joining the room; a live 9 may come first
    sync.received(item(9));
    sync.received(item(6), { replayed: true });
    expect(requests).toHaveLength(0);
    sync.received(item(7), { replayed: true });
    sync.received(item(8), { replayed: true });
    sync.syncDone(9);
    expect(requests).toHaveLength(0);
    expect(sync.tracker.watermark).toBe(9);
  });

  it('chases a gap still open at sync.done', () => {
    const { sync, requests } = harness();
    sync.connected();
    sync.syncDone(3);
    sync.disconnected();
    sync.connected();
    sync.received(item(9)); // live, after a replay that stops at 5
    sync.syncDone(5);
    expect(requests.map((r) => r.afterSeq)).toEqual([5]);
  });

  it('retries a failed request after a pause, a bounded number of times, then waits for the next reconnect', async () => {
    const { sync, requests, waits, settle, live } = harness({ maxAttempts: 3 });
    live(1);
    sync.received(item(3));
    for (let i = 0; i < 3; i++) {
      expect(requests).toHaveLength(i + 1);
      requests[i]!.fail();
      await settle();
    }
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
    expect(sync.catchingUp).toBe(false);
    sync.received(item(5)); // given up: no more requests on this connection
    expect(requests).toHaveLength(3);

    sync.disconnected();
    sync.connected();
    sync.syncDone(1); // the reconnect replay was short; the gap is chased again
    expect(requests).toHaveLength(4);
  });

  it('waits as long as the server asks when rate-limited', async () => {
    const { sync, requests, waits, settle, live } = harness();
    live(1);
    sync.received(item(3));
    requests[0]!.answer({ ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 1234 } });
    await settle();
    expect(waits).toEqual([1234]);
    expect(requests.map((r) => r.afterSeq)).toEqual([1, 1]);
  });

  it('counts progress: a reply that fills part of the gap does not use up the attempts', async () => {
    const { sync, requests, settle, live } = harness({ maxAttempts: 2 });
    live(0);
    sync.received(item(10));
    for (let seq = 1; seq <= 4; seq++) {
      requests.at(-1)!.answer(replay(seq, [seq])); // one at a time, e.g. a lagging replica
      await settle();
    }
    expect(requests).toHaveLength(5);
    expect(sync.tracker.watermark).toBe(4);
    requests.at(-1)!.answer(replay(10, [5, 6, 7, 8, 9, 10]));
    await settle();
    expect(sync.tracker.watermark).toBe(10);
    expect(sync.catchingUp).toBe(false);
  });

  it('hands a reset over to the client (too much missed: refetch)', async () => {
    const { sync, requests, resets, settle, live } = harness();
    live(1);
    sync.received(item(900));
    requests[0]!.answer({ ok: true, kind: 'reset', latestSeq: 900, counts });
    await settle();
    expect(resets).toEqual([900]);
    expect(sync.tracker.watermark).toBe(900);
    expect(sync.catchingUp).toBe(false);
  });

  it('ignores an answer that arrives after the socket dropped', async () => {
    const { sync, requests, created, settle, live } = harness();
    live(1);
    sync.received(item(3));
    sync.disconnected();
    requests[0]!.answer(replay(3, [2, 3]));
    await settle();
    expect(created).toEqual([]);
    expect(sync.tracker.watermark).toBe(1);
  });
});
