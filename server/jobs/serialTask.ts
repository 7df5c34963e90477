/** A background job that must never run twice at once in a process. */
export interface SerialTask {
  /** Runs now; if a run is in progress, runs once more right after it (requests coalesce). */
  run(): void;
  /** No new runs; `idle()` then resolves when the current one ends. */
  stop(): void;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

/**
 * The job loop's core (startJobLoop). Wraps `task` (a scheduler tick, a worker's claim pass) so that polls, wake-ups and "a slot is free"
 * signals can all call `run()` freely: runs never overlap, and a request made during a run is honoured
 * by exactly one extra run afterwards, so nothing due is left waiting for the next poll. `onSettled` is
 * called after each run, however it ended (a loop's heartbeat: RunState.beat).
 *
 * @example
 * const tick = serialTask(() => releaseDueSends(ctx), (err) => ctx.log.error({ err }, 'tick failed'));
 * setInterval(tick.run, 1000).unref();
 */
export function serialTask(task: () => Promise<unknown>, onError: (err: unknown) => void, onSettled?: () => void): SerialTask {
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = (): void => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = task()
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
        onSettled?.();
        if (again) {
          again = false;
          run();
        }
      });
  };
  return {
    run,
    stop: () => {
      stopped = true;
    },
    idle: async () => {
      while (current) await current;
    },
  };
}
