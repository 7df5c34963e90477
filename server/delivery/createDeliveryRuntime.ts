import { createChannels, type ChannelFactory } from '../channels/createChannels.js';
import type { ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { ChannelSwitches } from './channelSwitches.js';
import { createProviderBreaker, type ProviderBreaker } from './providerBreaker.js';
import type { JobLoop } from '../jobs/jobLoop.js';
import { startDeliveryWorker } from './deliveryWorker.js';
import type { DeliveryRuntime } from './runtime.js';

/**
 * Builds the channels' providers, switches and breakers; the worker starts separately once the server listens
 * (`startWorker`), and `close` releases the channels' connections after the worker has stopped.
 */
export async function createDeliveryRuntime(
  ctx: AppContext,
  overrides: Partial<Record<ExternalChannel, ChannelFactory>> = {},
): Promise<{ runtime: DeliveryRuntime; startWorker(): JobLoop; close(): Promise<void> }> {
  const built = await createChannels(ctx, overrides);
  const providers = Object.fromEntries(
    Object.entries(built).map(([channel, list]) => [channel, Array.isArray(list) ? list : [list]]),
  ) as unknown as DeliveryRuntime['providers'];
  for (const [channel, list] of Object.entries(providers)) {
    if (list.length === 0) throw new Error(`The ${channel} channel has no provider`);
  }
  const breakers = new Map<string, ProviderBreaker>();
  const { breakerThreshold: threshold, breakerCooldownMs: cooldownMs, leaseMs } = ctx.config.delivery;
  let worker: JobLoop | undefined;
  const runtime: DeliveryRuntime = {
    providers,
    switches: new ChannelSwitches(ctx.db, ctx.invalidation),
    breakerFor: (provider) => {
      let breaker = breakers.get(provider);
      // ctx.redis is read at each call: it is set once the server has connected to Redis, after this.
      if (!breaker) breakers.set(provider, (breaker = createProviderBreaker(provider, { threshold, cooldownMs, probeLeaseMs: leaseMs }, () => ctx.redis, ctx.log)));
      return breaker;
    },
    wake: () => worker?.wake(),
  };
  return {
    runtime,
    startWorker: () => (worker = startDeliveryWorker(ctx)),
    close: async () => {
      await Promise.all(Object.values(providers).flat().map(async (channel) => channel.close?.()));
    },
  };
}
