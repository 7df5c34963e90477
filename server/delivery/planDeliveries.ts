import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';

/**
 * The external channels the admins have switched on. Read before a send is committed (see deliverSend).
 */
export async function enabledExternalChannels(ctx: AppContext): Promise<Set<ExternalChannel>> {
  const enabled = new Set<ExternalChannel>();
  for (const channel of EXTERNAL_CHANNELS) if (await ctx.delivery.switches.isEnabled(channel)) enabled.add(channel);
  return enabled;
}
