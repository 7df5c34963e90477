import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import type { JobLoop } from '../jobs/jobLoop.js';
import { startLeasedWorker } from '../jobs/leasedWorker.js';
import { claimDueDeliveries } from './claimDueDeliveries.js';
import { processDelivery } from './processDelivery.js';

/**
 * Claims due deliveries with a lease and sends up to `concurrency` at a time, on the job engine
 * (startLeasedWorker: leases renewed while a send runs, `stop()` lets the sends in flight finish and
 * record their outcome). Polls every `intervalMs` (deliveries retried later, or written by another node),
 * runs at once when woken after a send, and again whenever a send finishes and frees a slot. Channels
 * whose providers' breakers are all open are not claimed until a cool-down ends.
 */
export function startDeliveryWorker(ctx: AppContext): JobLoop {
  const { intervalMs, concurrency, leaseMs } = ctx.config.delivery;
  // A channel is claimable while one of its providers is not open (then failover has somewhere to go).
  const claimableChannels = async (): Promise<ExternalChannel[]> => {
    const open = await Promise.all(
      EXTERNAL_CHANNELS.map(async (channel) => {
        const states = await Promise.all(ctx.delivery.providers[channel].map(async (p) => (await ctx.delivery.breakerFor(p.provider).snapshot()).state));
        return states.every((state) => state === 'open');
      }),
    );
    return EXTERNAL_CHANNELS.filter((_, i) => !open[i]);
  };

  return startLeasedWorker(ctx, {
    table: 'Delivery',
    intervalMs,
    leaseMs,
    concurrency,
    heartbeat: { runState: ctx.runState, loop: 'delivery' },
    claim: async (limit) => claimDueDeliveries(ctx, await claimableChannels(), limit),
    process: (claim) => processDelivery(ctx, claim),
    onError: (err) => ctx.log.error({ err }, 'Claiming deliveries failed'),
    onProcessError: (err, claim) => ctx.log.error({ err, deliveryId: claim.id }, 'Delivery processing failed'),
  });
}
