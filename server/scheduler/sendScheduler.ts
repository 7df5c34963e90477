import type { AppContext } from '../context.js';
import type { JobLoop } from '../jobs/jobLoop.js';
import { startLeasedWorker } from '../jobs/leasedWorker.js';
import { claimDueSends, SEND_LEASE_MS } from '../services/sends/claimDueSends.js';
import { releaseSend } from '../services/sends/releaseSend.js';

/** Scheduled sends released at once by one node: each fans out to its whole audience in the writer. */
const CONCURRENCY = 1;

/**
 * Releases scheduled sends when due, on the job engine (startLeasedWorker): state lives only in the
 * database (status, scheduledAt, lease), so a restart loses nothing, and every node may run a scheduler:
 * claims never overlap. `wake(at)` polls at `at` when that is sooner than the next regular poll (a send
 * due in 2 s need not wait). Expired idempotency records go with the housekeeping job (purgeScheduler).
 */
export function startSendScheduler(ctx: AppContext, intervalMs: number): JobLoop {
  return startLeasedWorker(ctx, {
    table: 'Send',
    intervalMs,
    leaseMs: SEND_LEASE_MS,
    concurrency: CONCURRENCY,
    heartbeat: { runState: ctx.runState, loop: 'sendScheduler' },
    claim: (limit) => claimDueSends(ctx, new Date(), limit),
    process: (claim) => releaseSend(ctx, claim),
    onError: (err) => ctx.log.error({ err }, 'Send scheduler tick failed'),
    onProcessError: (err, claim) => ctx.log.error({ err, sendId: claim.id }, 'Releasing a scheduled send failed'),
  });
}
