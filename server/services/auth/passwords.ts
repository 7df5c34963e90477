import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import { HttpError } from '../../errors.js';

/**
 * How many argon2 computations run at once. @node-rs/argon2 runs each on libuv's thread pool (4 threads),
 * ~20 ms of one core apiece: a sign-in flood left unbounded takes every core and every pool thread from the
 * event loop, file I/O and DNS. One core stays free for everything else (at least one slot).
 */
export const ARGON2_CONCURRENCY = Math.max(1, availableParallelism() - 1);

/**
 * How many may wait for a slot; past that the caller gets 503 `server_busy` at once instead of queueing
 * for seconds (a queued request holds its socket, and its client has likely given up by then).
 */
export const ARGON2_MAX_WAITING = 64;

const slots = pLimit(ARGON2_CONCURRENCY);

/** Runs one argon2 computation in a slot, or refuses when too many already wait. */
function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.pendingCount >= ARGON2_MAX_WAITING) {
    return Promise.reject(
      new HttpError(503, 'server_busy', 'Too many sign-ins at once; retry in a moment', undefined, { 'Retry-After': '1' }),
    );
  }
  return slots(work);
}

/** The argon2 computations running and waiting now (for tests and diagnostics). */
export const argon2Load = (): { active: number; waiting: number } => ({ active: slots.activeCount, waiting: slots.pendingCount });

/**
 * Argon2id hash (library defaults: 19 MiB, 2 passes, OWASP's minimum recommendation).
 *
 * @throws HttpError 503 `server_busy` when ARGON2_MAX_WAITING computations already wait
 */
export const hashPassword = (password: string): Promise<string> => inSlot(() => hash(password));

/**
 * Constant-time check of a password against a stored argon2 hash.
 *
 * @throws HttpError 503 `server_busy` when ARGON2_MAX_WAITING computations already wait
 */
export const verifyPassword = (storedHash: string, password: string): Promise<boolean> =>
  inSlot(() => verify(storedHash, password));

/**
 * A hash of a random password, verified against when the email is unknown so that a login for a
 * missing account takes as long as one with a wrong password (no account enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export const getDecoyHash = (): Promise<string> => (decoyHash ??= hash(crypto.randomUUID()));
