/**
 * Tracks which inbox sequence numbers a client holds, so a reconnect asks for exactly what it missed.
 *
 * Seqs are per-user and contiguous (each notification takes the next one inside its transaction), but
 * live events can arrive out of order when two sends commit back to back. The watermark is therefore the
 * highest seq below which nothing is missing, not simply the highest seen; a reconnect sends it and the
 * server replays everything after it. Duplicates (live + replay) are dropped by id.
 *
 * A fresh client has no watermark until the server's first `sync.done` tells it where the stream stands
 * (it then refetches its lists over REST, which cover everything before that point).
 *
 * @example
 * const tracker = new SeqWatermark(0);
 * tracker.accept({ id: 'a', seq: 2 }); // a gap: watermark stays 0
 * tracker.accept({ id: 'b', seq: 1 }); // watermark advances to 2
 * tracker.accept({ id: 'b', seq: 1 }); // returns false: duplicate
 */
export class SeqWatermark {
  private pending = new Set<number>();
  private seenIds = new Set<string>();

  constructor(private mark: number | undefined = undefined) {}

  /** Highest seq such that every seq at or below it has been received; undefined before the first sync. */
  get watermark(): number | undefined {
    return this.mark;
  }

  /** Records a notification; returns false when it was already received (a duplicate). */
  accept(item: { id: string; seq: number }): boolean {
    if (this.seenIds.has(item.id)) return false;
    this.seenIds.add(item.id);
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

  private advance(): void {
    if (this.mark === undefined) return;
    while (this.pending.delete(this.mark + 1)) this.mark += 1;
  }
}
