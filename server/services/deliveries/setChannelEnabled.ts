import type { ChannelStatusDto, ExternalChannelName } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { getChannelStatus } from './listChannelStatuses.js';

/**
 * Flips a channel's runtime switch (persisted in AppSetting, seen by every node at once through the
 * invalidation bus). Turning a channel back on wakes the worker, so the deliveries it held back go out now
 * rather than at its next poll.
 */
export async function setChannelEnabled(ctx: AppContext, channel: ExternalChannelName, enabled: boolean): Promise<ChannelStatusDto> {
  await ctx.delivery.switches.set(channel, enabled);
  ctx.log.info({ channel, enabled }, 'Channel switched by an admin');
  if (enabled) ctx.delivery.wake();
  return getChannelStatus(ctx, channel);
}
