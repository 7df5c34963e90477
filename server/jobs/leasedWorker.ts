import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop, type JobLoopOptions } from './jobLoop.js';
import { holdLease, type Lease, type LeasedTable } from './leases.js';

/** What startLeasedWorker claims and runs. */
export interface LeasedWorkerOptions<Claim extends Lease> extends Omit<JobLoopOptions, 'run'> {
  /** The table the claims are rows of (their leases are renewed there). */
  table: LeasedTable;
  /** How long a claim holds its row; renewed every third of it while the work runs. */
  leaseMs: number;
  /** How many claims may be worked on at once. */
  concurrency: number;
  /** Claims up to `limit` due rows for `leaseMs` (claimDue with the table's conditions). */
  claim(limit: number): Promise<Claim[]>;
  /** Works on one claim and records its outcome (or its retry), ending the lease. */
  process(claim: Claim): Promise<unknown>;
  /** `process` threw: the claim's lease is left to expire, and the row is claimed again then. */
  onProcessError(err: unknown, claim: Claim): void;
}

/**
 * Runs leased work: claims due rows (each with a lease: `claimedBy` + `leaseUntil`) and works on up to
 * `concurrency` at once, in a job loop (a turn at start, every `intervalMs`, at each `wake`, and again
 * whenever a piece of work ends and frees a slot). The guarantees, on SQLite and PostgreSQL alike:
 *
 * - nothing runs twice while a lease is valid: a claim takes only rows no live lease holds, and the
 *   worker renews the leases of its work in flight every `leaseMs / 3`, so a live holder keeps its rows
 *   however slow the work (a busy machine, a slow provider);
 * - a crashed node's leases expire (no renewal) and another node, or the next start, takes the work;
 * - `stop()` claims nothing more, lets the work in flight finish and record its outcome (its leases
 *   still renewed), then returns. A node killed before that is the crash case above.
 *
 * @example
 * const worker = startLeasedWorker(ctx, { table: 'Delivery', leaseMs: 60_000, concurrency: 8, intervalMs: 1000, claim, process, onError, onProcessError });
 */
export function startLeasedWorker<Claim extends Lease>(ctx: Pick<AppContext, 'db'>, options: LeasedWorkerOptions<Claim>): JobLoop {
  const inFlight = new Set<Promise<unknown>>();

  const loop = startJobLoop({
    ...options,
    run: async (signal) => {
      if (signal.aborted) return;
      const claims = await options.claim(options.concurrency - inFlight.size);
      for (const claim of claims) {
        const job = holdLease(ctx, options.table, claim, options.leaseMs, () => options.process(claim), options.onError)
          .catch((err: unknown) => options.onProcessError(err, claim))
          .finally(() => {
            inFlight.delete(job);
            loop.wake(); // a slot is free
          });
        inFlight.add(job);
      }
    },
  });

  return {
    wake: loop.wake,
    stop: async () => {
      await loop.stop();
      await Promise.all(inFlight);
    },
  };
}
