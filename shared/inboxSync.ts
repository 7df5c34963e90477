import type { CreatedMeta, SyncReply } from './events.js';
import type { InboxCounts, NotificationDto } from './schemas/notification.js';

/**
 * Tracks which inbox sequence numbers a client holds, so a reconnect asks for exactly what it missed.
 *
 * Seqs are per-user and contiguous (each notification takes the next one inside its transaction), but
 * live events can arrive out of order when two sends commit back to back. The watermark is therefore the
 * highest seq below which nothing is missing, not simply the highest seen; a reconnect sends it and the
 * server replays everything after it. Duplicates (live + replay) are dropped by id and seq: the same id
 * under a HIGHER seq is not a duplicate but the notification coming back (a snooze woke it: it takes a
 * new seq, so it reaches every device by the same replay as a new one; see README "Snooze"). Its old seq
 * is never handed out again: a hole the watermark jumps when the server confirms the range
 * (`sync.done`, a catch-up's `latestSeq`), as it jumps the seqs of snoozed items a replay leaves out.
 *
 * A fresh client has no watermark until the server's first `sync.done` tells it where the stream stands
 * (it then refetches its lists over REST, which cover everything before that point).
 *
 * @example
 * const tracker = new SeqWatermark(0);
 * tracker.accept({ id: 'a', seq: 2 }); // a gap: watermark stays 0
 * tracker.accept({ id: 'b', seq: 1 }); // watermark advances to 2
 * tracker.accept({ id: 'b', seq: 1 }); // returns false: duplicate
 * tracker.accept({ id: 'b', seq: 9 }); // true: woken from a snooze, under a new seq
 */
export class SeqWatermark {
  private pending = new Set<number>();
  /** The highest seq each id was received under. */
  private seenIds = new Map<string, number>();

  constructor(private mark: number | undefined = undefined) {}

  /** Highest seq such that every seq at or below it has been received; undefined before the first sync. */
  get watermark(): number | undefined {
    return this.mark;
  }

  /** True when something above the watermark was received while something below it is still missing. */
  get hasGap(): boolean {
    return this.mark !== undefined && this.pending.size > 0;
  }

  /** Records a notification; returns false when it was already received under this seq or a later one (a duplicate). */
  accept(item: { id: string; seq: number }): boolean {
    const seen = this.seenIds.get(item.id);
    if (seen !== undefined && seen >= item.seq) return false;
    this.seenIds.set(item.id, item.seq);
    if (this.mark === undefined || item.seq > this.mark) {
      this.pending.add(item.seq);
      this.advance();
    }
    return true;
  }

  /** The server confirmed the client holds everything up to `seq` (after a replay or a full refetch). */
  confirmUpTo(seq: number): void {
    if (this.mark !== undefined && seq <= this.mark) return;
    this.mark = seq;
    for (const s of this.pending) if (s <= seq) this.pending.delete(s);
    this.advance();
  }

  /** Forgets everything (after `sync.reset`): the client refetches and starts again from `seq`. */
  reset(seq: number): void {
    this.pending.clear();
    this.seenIds.clear();
    this.mark = seq;
  }

  /** Forgets everything, the position too: as before the first sync (another user's stream starts). */
  forget(): void {
    this.pending.clear();
    this.seenIds.clear();
    this.mark = undefined;
  }

  private advance(): void {
    if (this.mark === undefined) return;
    while (this.pending.delete(this.mark + 1)) this.mark += 1;
  }
}

/** Asks the server for every notification after `afterSeq` (the socket's `sync.request` with an ack); rejects on timeout or disconnect. */
export type CatchUpTransport = (afterSeq: number) => Promise<SyncReply>;

/** Where InboxSync hands over what a catch-up brought. */
export interface CatchUpHandlers {
  /**
   * Each notification of the reply the client did not hold yet, oldest first, flagged as replayed: what
   * the client does with a fresh `notification.created` (already deduped: do not call `received`).
   */
  created(item: NotificationDto, meta?: CreatedMeta): void;
  counts(counts: InboxCounts): void;
  /** More was missed than the server replays: drop local lists and refetch (as on `sync.reset`). */
  reset(latestSeq: number): void;
  /** A catch-up delivered `count` notifications that were missing (e.g. for one summary toast). */
  caughtUp(count: number): void;
}

export interface InboxSyncOptions {
  request: CatchUpTransport;
  handlers: CatchUpHandlers;
  /** Requests without progress (failed, refused or still leaving a gap) before giving up until the next reconnect. */
  maxAttempts?: number;
  /** Waits between attempts; tests pass an immediate one. */
  wait?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const RETRY_BASE_MS = 1_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The client side of "no gaps", shared by the web app and any embedded client: dedupes notifications
 * by id (SeqWatermark) and, when the live stream shows a jump in `seq` (events lost between nodes, e.g.
 * while Redis was down), asks at once for what is missing instead of waiting for a reconnect.
 *
 * Rules: while a (re)connect replay runs (from `connected()` to `syncDone()`), gaps are expected and
 * not chased; after it, a live notification that leaves a gap starts one catch-up (never two at once);
 * a reply's items go through `handlers.created` and the watermark is confirmed up to its `latestSeq`;
 * if a gap remains or the request fails, it retries after a pause (the server's `retryAfterMs` when
 * given), at most `maxAttempts` times without progress, then gives up until the next reconnect (whose
 * replay covers the gap anyway). A disconnect discards any answer still in flight.
 *
 * @example
 * const sync = new InboxSync({ request: (afterSeq) => socket.timeout(10_000).emitWithAck('sync.request', { afterSeq }), handlers });
 * socket.on('connect', () => sync.connected());
 * socket.on('notification.created', (item, meta) => { if (sync.received(item, meta)) handlers.created(item, meta); });
 * socket.on('sync.done', ({ latestSeq }) => sync.syncDone(latestSeq));
 */
export class InboxSync {
  readonly tracker: SeqWatermark;
  private readonly maxAttempts: number;
  private readonly wait: (ms: number) => Promise<void>;
  /** Bumped by every (dis)connect, so an answer to an older connection is ignored. */
  private generation = 0;
  private replaying = true;
  private inFlight = false;
  private gaveUp = false;

  constructor(private readonly options: InboxSyncOptions, tracker = new SeqWatermark()) {
    this.tracker = tracker;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.wait = options.wait ?? sleep;
  }

  /** A catch-up is running (for tests and status displays). */
  get catchingUp(): boolean {
    return this.inFlight;
  }

  /** The socket (re)connected: the server now replays from the watermark, until `syncDone`. */
  connected(): void {
    this.generation += 1;
    this.replaying = true;
    this.inFlight = false;
    this.gaveUp = false;
  }

  /** The socket dropped: whatever is in flight belongs to a dead connection. */
  disconnected(): void {
    this.generation += 1;
    this.replaying = true;
    this.inFlight = false;
  }

  /**
   * A `notification.created` (live, or replayed when `meta.replayed`). Returns false for a duplicate.
   * A live one that reveals a gap starts a catch-up.
   */
  received(item: { id: string; seq: number }, meta?: { replayed?: boolean }): boolean {
    const fresh = this.tracker.accept(item);
    if (fresh && !meta?.replayed) this.chaseGap();
    return fresh;
  }

  /** The server's `sync.done`: the replay is complete up to `latestSeq`; live gaps are chased from now on. */
  syncDone(latestSeq: number): void {
    this.tracker.confirmUpTo(latestSeq);
    this.replaying = false;
    this.chaseGap();
  }

  /** The server's `sync.reset`: the client refetches and starts again from `latestSeq`. */
  syncReset(latestSeq: number): void {
    this.tracker.reset(latestSeq);
  }

  private chaseGap(): void {
    if (this.replaying || this.inFlight || this.gaveUp || !this.tracker.hasGap) return;
    this.inFlight = true;
    void this.catchUp(this.generation);
  }

  private async catchUp(generation: number): Promise<void> {
    let attempts = 0;
    const current = () => generation === this.generation;
    while (current()) {
      const before = this.tracker.watermark!;
      const reply = await this.options.request(before).catch(() => undefined);
      if (!current()) return;
      if (reply?.ok) this.apply(reply);
      if (!this.tracker.hasGap) break;
      attempts = this.tracker.watermark! > before ? 0 : attempts + 1; // progress asks again at once
      if (attempts >= this.maxAttempts) {
        this.gaveUp = true;
        break;
      }
      const retryAfter = reply && !reply.ok ? reply.error.retryAfterMs : undefined;
      await this.wait(retryAfter ?? RETRY_BASE_MS * attempts);
    }
    if (current()) this.inFlight = false;
  }

  private apply(reply: Extract<SyncReply, { ok: true }>): void {
    const { handlers } = this.options;
    if (reply.kind === 'reset') {
      this.tracker.reset(reply.latestSeq);
      handlers.reset(reply.latestSeq);
    } else {
      let count = 0;
      for (const item of reply.items) {
        if (!this.tracker.accept(item)) continue; // arrived live meanwhile
        count += 1;
        handlers.created(item, { replayed: true });
      }
      this.tracker.confirmUpTo(reply.latestSeq);
      if (count > 0) handlers.caughtUp(count);
    }
    handlers.counts(reply.counts);
  }
}
