import type { LoopName, RunState } from '../runState.js';
import { retryDelayMs, type RetryPolicy } from './backoff.js';
import { serialTask } from './serialTask.js';

/**
 * After a failed turn (the database busy or away a moment) the loop tries again after 1 s, 2 s, 4 s… rather
 * than a whole interval later: a snooze loop polling every 30 s would otherwise leave its due items waiting
 * 30 s for one lock timeout. Once the delay reaches the interval the poll takes over; a turn that succeeds
 * resets it.
 */
const FAILED_TURN_RETRY: RetryPolicy = { baseMs: 1000, maxMs: Number.POSITIVE_INFINITY, jitter: true };

/** A running job loop (startJobLoop, startLeasedWorker). */
export interface JobLoop {
  /**
   * Runs a turn now (no argument), or at `at` when that comes before the next poll (a send due in 2 s
   * need not wait for a 30 s poll). Turns requested during a turn coalesce into one more right after it.
   */
  wake(at?: Date): void;
  /** No new turns; aborts the signal the work was given and waits for the turn (and work) in flight. */
  stop(): Promise<void>;
}

/** What startJobLoop runs, and how it reports. */
export interface JobLoopOptions {
  /** Regular polls: every `intervalMs`, whatever the wake-ups. */
  intervalMs: number;
  /** One turn. `signal` is aborted by `stop()`: a long turn ends after its current item. */
  run(signal: AbortSignal): Promise<unknown>;
  /** A turn that threw (the loop goes on, and tries again soon: 1 s, 2 s, 4 s… below `intervalMs`). */
  onError(err: unknown): void;
  /**
   * The loop's heartbeat, beaten after every turn however it ended (metrics export its age for every loop);
   * readiness turns 503 when it goes stale unless `watchedByReadiness` is false (housekeeping: late harms nobody).
   */
  heartbeat?: { runState: RunState; loop: LoopName; watchedByReadiness?: boolean };
  /** The clock `wake(at)` is measured against (default: the real one; the snooze tests move theirs). */
  now?: () => Date;
}

/**
 * The one loop of every background job: a turn at start (work that fell due while the server was down
 * goes at once), one every `intervalMs` without keeping the process alive, and one at each `wake`. Turns
 * never overlap in a process; across nodes the work itself claims its rows (claimDue, or a transaction
 * of its own), so every node may run every loop.
 *
 * @example
 * const purge = startJobLoop({ intervalMs: 600_000, run: (signal) => purgeDeletedNotifications(ctx, new Date(), { signal }), onError: (err) => ctx.log.error({ err }) });
 * await purge.stop();
 */
export function startJobLoop(options: JobLoopOptions): JobLoop {
  const { intervalMs, heartbeat, now = () => new Date() } = options;
  const stopping = new AbortController();
  const timers = new Map<number, NodeJS.Timeout>();
  let failedTurns = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  heartbeat?.runState.watch(heartbeat.loop, intervalMs, heartbeat.watchedByReadiness ?? true);

  const retrySoon = (): void => {
    failedTurns += 1;
    const delay = retryDelayMs(failedTurns, FAILED_TURN_RETRY);
    if (stopping.signal.aborted || delay >= intervalMs) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(tick.run, delay);
    retryTimer.unref();
  };
  const tick = serialTask(
    async () => {
      try {
        await options.run(stopping.signal);
        failedTurns = 0;
      } catch (err) {
        retrySoon();
        throw err;
      }
    },
    options.onError,
    heartbeat && (() => heartbeat.runState.beat(heartbeat.loop)),
  );
  const interval = setInterval(tick.run, intervalMs);
  interval.unref();
  tick.run();

  return {
    wake: (at) => {
      if (!at) return tick.run();
      const due = at.getTime();
      const delay = due - now().getTime();
      // The next poll comes first, or a timer for that moment is armed already.
      if (stopping.signal.aborted || delay >= intervalMs || timers.has(due)) return;
      const timer = setTimeout(() => {
        timers.delete(due);
        tick.run();
      }, Math.max(0, delay));
      timer.unref();
      timers.set(due, timer);
    },
    stop: async () => {
      stopping.abort();
      tick.stop();
      clearInterval(interval);
      clearTimeout(retryTimer);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await tick.idle();
    },
  };
}
