import type { LoopName, RunState } from '../runState.js';
import { serialTask } from './serialTask.js';

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
  /** A turn that threw (the loop goes on). */
  onError(err: unknown): void;
  /** Readiness watches this loop: its heartbeat is beaten after every turn, however it ended. */
  heartbeat?: { runState: RunState; loop: LoopName };
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
  heartbeat?.runState.watch(heartbeat.loop, intervalMs);
  const tick = serialTask(
    () => options.run(stopping.signal),
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
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await tick.idle();
    },
  };
}
