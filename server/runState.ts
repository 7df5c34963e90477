/** The background loops with a heartbeat (metrics export each one's age; readiness watches most). */
export type LoopName = 'delivery' | 'sendScheduler' | 'digests' | 'snoozes' | 'webhooks' | 'housekeeping' | 'analytics';

/**
 * One watched loop: how often it should turn, when it last finished a turn (epoch ms), and whether
 * readiness depends on it (housekeeping loops do not: a late purge or rollup harms nobody).
 */
export interface LoopBeat {
  loop: LoopName;
  intervalMs: number;
  lastBeatAt: number;
  watchedByReadiness: boolean;
}

/**
 * What readiness and the metrics know about this process's life: when each background loop last finished
 * a turn (its heartbeat; a loop stuck on a hung call stops beating) and whether a graceful shutdown has
 * begun. State is timestamps, read when asked.
 *
 * @example
 * ctx.runState.watch('delivery', 1000); // at the loop's start
 * ctx.runState.beat('delivery');        // after each of its turns
 */
export class RunState {
  /** When a graceful shutdown began (readiness answers 503 from then on); null while serving. */
  shutdownStartedAt: Date | null = null;
  private readonly loops = new Map<LoopName, LoopBeat>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts watching `loop`, which should turn every `intervalMs`; counts as a beat. */
  watch(loop: LoopName, intervalMs: number, watchedByReadiness = true): void {
    this.loops.set(loop, { loop, intervalMs, lastBeatAt: this.now(), watchedByReadiness });
  }

  /** `loop` finished a turn (successful or not: a failing turn is the database's story, checked on its own). */
  beat(loop: LoopName): void {
    const state = this.loops.get(loop);
    if (state) state.lastBeatAt = this.now();
  }

  /** The watched loops, in the order they started. */
  beats(): readonly LoopBeat[] {
    return [...this.loops.values()];
  }
}
