import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop } from '../jobs/jobLoop.js';
import { nextSnoozeDue } from '../services/snoozes/nextSnoozeDue.js';
import { wakeDueSnoozes } from '../services/snoozes/wakeDueSnoozes.js';

/** Snoozes woken per transaction: a short hold of the writer, and of each row lock on PostgreSQL. */
const WAKE_BATCH = 100;

/**
 * The snooze job's view of time, and its wake-up call (ctx.snoozes). `now` is the clock snoozes are
 * checked and woken by (the real one; tests pass one they can move forward).
 */
export interface SnoozeTimer {
  now(): Date;
  /** A snooze until `at` was just set on this node: look at `at` if that comes before the next poll. */
  wake(at: Date): void;
}

export interface SnoozeScheduler extends SnoozeTimer {
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

/**
 * Wakes due snoozes (wakeDueSnoozes) on every node, on the job engine's loop (startJobLoop): a pass at
 * start (snoozes that fell due while the server was down wake at once), every `intervalMs`, and at the
 * exact time of the soonest snooze when that comes before the next poll (each pass looks it up, and a
 * snooze set on this node arms it too). No lease here: each batch is claimed and woken in one transaction
 * (row locks on PostgreSQL), so claims never overlap across nodes and a crash loses nothing. Passes never
 * overlap in a process. Its heartbeat is `snoozes`.
 *
 * @example
 * ctx.snoozes = startSnoozeScheduler(ctx, { intervalMs: config.snoozeIntervalMs, now: () => new Date() });
 */
export function startSnoozeScheduler(ctx: AppContext, { intervalMs, now }: { intervalMs: number; now: () => Date }): SnoozeScheduler {
  const loop: JobLoop = startJobLoop({
    intervalMs,
    now,
    run: async (signal) => {
      let woken = WAKE_BATCH;
      while (!signal.aborted && woken === WAKE_BATCH) woken = await wakeDueSnoozes(ctx, now(), WAKE_BATCH);
      const next = await nextSnoozeDue(ctx.db, now());
      if (next) loop.wake(next);
    },
    onError: (err) => ctx.log.error({ err }, 'Snooze wake-up pass failed'),
    heartbeat: { runState: ctx.runState, loop: 'snoozes' },
  });
  return { now, wake: loop.wake, stop: loop.stop };
}
