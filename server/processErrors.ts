import type { Logger } from './logger.js';

/**
 * Error codes after which this process can no longer be trusted to serve, so it exits (status 1) and lets
 * its supervisor start a fresh one:
 * - memory exhaustion: an allocation failed, so any further allocation (every request) may fail too;
 * - a broken invariant: `node:assert` in our code or a library (`ERR_ASSERTION`), or inside Node.js
 *   itself (`ERR_INTERNAL_ASSERTION`): whatever state the assertion guarded is wrong from here on.
 * (A V8 heap exhaustion aborts the process by itself; nothing can handle it.)
 */
const FATAL_CODES = new Set(['ERR_MEMORY_ALLOCATION_FAILED', 'ENOMEM', 'ERR_ASSERTION', 'ERR_INTERNAL_ASSERTION']);

/**
 * Whether an error that reached the process level means "stop serving". Everything else is not: an
 * exception thrown in a callback ends only that callback's work (one request, one socket, one poll of a
 * worker), every durable state change happens in a database transaction that is either committed or not,
 * and the workers and schedulers re-read their state from the database on their next poll.
 *
 * @example
 * isFatalError(new RangeError('Array buffer allocation failed')); // true
 * isFatalError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })); // false
 */
export function isFatalError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  if (code && FATAL_CODES.has(code)) return true;
  return err instanceof RangeError && /allocation failed/i.test(err.message);
}

/** Where the error surfaced: Node's own names for it. */
export type ProcessErrorOrigin = 'uncaughtException' | 'unhandledRejection';

/**
 * Handles what no code caught, so nothing ends the process silently: every uncaught exception and unhandled
 * rejection is logged (pino, `err` serialized with its stack, plus where it surfaced); a fatal one
 * (see isFatalError) is logged at `fatal` and `onFatal` is called to shut down; any other keeps the
 * process serving. Install once, in the entry point (tests boot many servers in one process).
 *
 * @example
 * installProcessErrorHandlers(log, { onFatal: () => shutdown(1) });
 */
export function installProcessErrorHandlers(log: Logger, options: { onFatal: (err: unknown) => void }): void {
  const handle = (err: unknown, origin: ProcessErrorOrigin) => {
    if (isFatalError(err)) {
      log.fatal({ err, origin }, `Fatal ${origin}: shutting down`);
      options.onFatal(err);
    } else {
      log.error({ err, origin }, `${origin === 'unhandledRejection' ? 'Unhandled rejection' : 'Uncaught exception'}; still serving`);
    }
  };
  process.on('uncaughtException', (err, origin) => handle(err, origin));
  process.on('unhandledRejection', (reason) => handle(reason, 'unhandledRejection'));
}
