import { EXTERNAL_CHANNEL_NAMES, type ChannelStatusDto, type ExternalChannelName } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { getDeliveryCounts, type DeliveryCounts } from './getDeliveryCounts.js';

type StatusDeps = Pick<AppContext, 'db' | 'delivery'>;

async function channelStatus(ctx: StatusDeps, channel: ExternalChannelName, counts: DeliveryCounts): Promise<ChannelStatusDto> {
  const { provider } = ctx.delivery.channels[channel];
  return {
    channel,
    enabled: await ctx.delivery.switches.isEnabled(channel),
    provider,
    // Breakers live in this node's memory: another node may see a different state.
    breaker: ctx.delivery.breakerFor(provider).snapshot(),
    counts: counts[channel],
  };
}

/** Email, SMS and push as admins see them: runtime switch, provider, its circuit breaker, delivery counts. */
export async function listChannelStatuses(ctx: StatusDeps): Promise<ChannelStatusDto[]> {
  const counts = await getDeliveryCounts(ctx.db);
  return Promise.all(EXTERNAL_CHANNEL_NAMES.map((channel) => channelStatus(ctx, channel, counts)));
}

/** One channel's status. */
export async function getChannelStatus(ctx: StatusDeps, channel: ExternalChannelName): Promise<ChannelStatusDto> {
  return channelStatus(ctx, channel, await getDeliveryCounts(ctx.db));
}
