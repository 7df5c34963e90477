import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { poll, serialTask } from '../scheduler/serialTask.js';
import { claimDueDeliveries } from './claimDueDeliveries.js';
import { processDelivery } from './processDelivery.js';

export interface DeliveryWorker {
  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, waits for the sends in flight to finish and record their outcome. */
  stop(): Promise<void>;
}

/**
 * Claims due deliveries with a lease and sends up to `concurrency` at a time. Polls every `intervalMs`
 * (deliveries retried later, or written by another node), runs at once when woken after a send, and
 * again whenever a send finishes and frees a slot. Channels whose breaker is open are not claimed until
 * their cool-down ends.
 */
export function startDeliveryWorker(ctx: AppContext): DeliveryWorker {
  const { intervalMs, concurrency } = ctx.config.delivery;
  const inFlight = new Set<Promise<unknown>>();

  const claimableChannels = (): ExternalChannel[] =>
    EXTERNAL_CHANNELS.filter((channel) => ctx.delivery.breakerFor(ctx.delivery.channels[channel].provider).snapshot().state !== 'open');

  const fill = serialTask(async () => {
    const claims = await claimDueDeliveries(ctx, claimableChannels(), concurrency - inFlight.size);
    for (const claim of claims) {
      const job = processDelivery(ctx, claim)
        .catch((err: unknown) => ctx.log.error({ err, deliveryId: claim.id }, 'Delivery processing failed'))
        .finally(() => {
          inFlight.delete(job);
          fill.run(); // a slot is free
        });
      inFlight.add(job);
    }
  }, (err) => ctx.log.error({ err }, 'Claiming deliveries failed'), () => ctx.runState.beat('delivery'));
  ctx.runState.watch('delivery', intervalMs);
  const stopPolling = poll(fill.run, intervalMs);
  fill.run();

  return {
    wake: fill.run,
    stop: async () => {
      fill.stop();
      stopPolling();
      await fill.idle();
      await Promise.all(inFlight);
    },
  };
}
