import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
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
 * (deliveries retried later, or written by another node) and runs at once when woken after a send.
 * Channels whose breaker is open are not claimed until their cool-down ends.
 */
export function startDeliveryWorker(ctx: AppContext): DeliveryWorker {
  const { intervalMs, concurrency } = ctx.config.delivery;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let filling = false;
  let again = false;

  const claimableChannels = (): ExternalChannel[] =>
    EXTERNAL_CHANNELS.filter((channel) => ctx.delivery.breakerFor(ctx.delivery.channels[channel].provider).snapshot().state !== 'open');

  const fill = async () => {
    const claims = await claimDueDeliveries(ctx, claimableChannels(), concurrency - inFlight.size);
    for (const claim of claims) {
      const job = processDelivery(ctx, claim)
        .catch((err: unknown) => ctx.log.error({ err, deliveryId: claim.id }, 'Delivery processing failed'))
        .finally(() => {
          inFlight.delete(job);
          run(); // a slot is free
        });
      inFlight.add(job);
    }
    return claims.length;
  };
  const run = () => {
    if (stopped) return;
    if (filling) {
      again = true;
      return;
    }
    filling = true;
    fill()
      .catch((err: unknown) => ctx.log.error({ err }, 'Claiming deliveries failed'))
      .finally(() => {
        filling = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const interval = setInterval(run, intervalMs);
  interval.unref();
  run();

  return {
    wake: run,
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      while (filling || inFlight.size > 0) await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 10))]);
    },
  };
}
