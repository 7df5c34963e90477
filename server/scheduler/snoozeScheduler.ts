import type { AppContext } from '../context.js';
import { nextSnoozeDue } from '../services/snoozes/nextSnoozeDue.js';
import { wakeDueSnoozes } from '../services/snoozes/wakeDueSnoozes.js';
import { poll, serialTask } from './serialTask.js';

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
 * Wakes due snoozes (wakeDueSnoozes) on every node: a pass at start (snoozes that fell due while the
 * server was down wake at once), every `intervalMs`, and at the exact time of the soonest snooze when
 * that comes before the next poll (each pass looks it up, and a snooze set on this node arms it too).
 * Claims never overlap across nodes; passes never overlap in a process. Its heartbeat is `snoozes`.
 *
 * @example
 * ctx.snoozes = startSnoozeScheduler(ctx, { intervalMs: config.snoozeIntervalMs, now: () => new Date() });
 */
export function startSnoozeScheduler(ctx: AppContext, { intervalMs, now }: { intervalMs: number; now: () => Date }): SnoozeScheduler {
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let stopped = false;

  const arm = (at: Date): void => {
    const due = at.getTime();
    if (stopped || due >= timerAt) return; // an earlier one is armed already
    const delay = due - now().getTime();
    if (delay >= intervalMs) return; // the next poll comes first
    clearTimeout(timer);
    timerAt = due;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      tick.run();
    }, Math.max(0, delay));
    timer.unref();
  };

  const tick = serialTask(
    async () => {
      let woken = WAKE_BATCH;
      while (!stopped && woken === WAKE_BATCH) woken = await wakeDueSnoozes(ctx, now(), WAKE_BATCH);
      const next = await nextSnoozeDue(ctx.db, now());
      if (next) arm(next);
    },
    (err) => ctx.log.error({ err }, 'Snooze wake-up pass failed'),
    () => ctx.runState.beat('snoozes'),
  );
  ctx.runState.watch('snoozes', intervalMs);
  const stopPolling = poll(tick.run, intervalMs);
  tick.run();

  return {
    now,
    wake: arm,
    stop: async () => {
      stopped = true;
      tick.stop();
      stopPolling();
      clearTimeout(timer);
      await tick.idle();
    },
  };
}
