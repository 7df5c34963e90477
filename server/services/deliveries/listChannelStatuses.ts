import { EXTERNAL_CHANNEL_NAMES, type ChannelStatusDto, type ExternalChannelName } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { getDeliveryCounts, type DeliveryCounts } from './getDeliveryCounts.js';

type StatusDeps = Pick<AppContext, 'db' | 'delivery'>;

async function channelStatus(ctx: StatusDeps, channel: ExternalChannelName, counts: DeliveryCounts): Promise<ChannelStatusDto> {
  // Shared through Redis in scale-out mode; without it (or while it is down), as this node sees them.
  const providers = await Promise.all(
    ctx.delivery.providers[channel].map(async ({ provider }) => ({ provider, breaker: await ctx.delivery.breakerFor(provider).snapshot() })),
  );
  return {
    channel,
    enabled: await ctx.delivery.switches.isEnabled(channel),
    provider: providers[0]!.provider,
    breaker: providers[0]!.breaker,
    providers,
    counts: counts[channel],
  };
}

/** The external channels as admins see them: runtime switch, providers and their circuit breakers, delivery counts. */
export async function listChannelStatuses(ctx: StatusDeps): Promise<ChannelStatusDto[]> {
  const counts = await getDeliveryCounts(ctx.db);
  return Promise.all(EXTERNAL_CHANNEL_NAMES.map((channel) => channelStatus(ctx, channel, counts)));
}

/** One channel's status. */
export async function getChannelStatus(ctx: StatusDeps, channel: ExternalChannelName): Promise<ChannelStatusDto> {
  return channelStatus(ctx, channel, await getDeliveryCounts(ctx.db));
}
