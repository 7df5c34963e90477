import { createChannels, type ChannelFactory } from '../channels/createChannels.js';
import type { ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { ChannelSwitches } from './channelSwitches.js';
import { CircuitBreaker } from './circuitBreaker.js';
import type { JobLoop } from '../jobs/jobLoop.js';
import { startDeliveryWorker } from './deliveryWorker.js';
import type { DeliveryRuntime } from './runtime.js';

/**
 * Builds the channels, switches and breakers; the worker starts separately once the server listens
 * (`startWorker`), and `close` releases the channels' connections after the worker has stopped.
 */
export async function createDeliveryRuntime(
  ctx: AppContext,
  overrides: Partial<Record<ExternalChannel, ChannelFactory>> = {},
): Promise<{ runtime: DeliveryRuntime; startWorker(): JobLoop; close(): Promise<void> }> {
  const channels = await createChannels(ctx, overrides);
  const breakers = new Map<string, CircuitBreaker>();
  const { breakerThreshold, breakerCooldownMs } = ctx.config.delivery;
  let worker: JobLoop | undefined;
  const runtime: DeliveryRuntime = {
    channels,
    switches: new ChannelSwitches(ctx.db, ctx.invalidation),
    breakerFor: (provider) => {
      let breaker = breakers.get(provider);
      if (!breaker) breakers.set(provider, (breaker = new CircuitBreaker(breakerThreshold, breakerCooldownMs)));
      return breaker;
    },
    wake: () => worker?.wake(),
  };
  return {
    runtime,
    startWorker: () => (worker = startDeliveryWorker(ctx)),
    close: async () => {
      await Promise.all(Object.values(channels).map(async (channel) => channel.close?.()));
    },
  };
}
