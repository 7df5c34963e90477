import type { ChannelStatusDto, ExternalChannelName } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { getChannelStatus } from './listChannelStatuses.js';

/**
 * Flips a channel's runtime switch (persisted in AppSetting, seen by every node at once through the
 * invalidation bus). Turning a channel back on wakes the worker, so the deliveries it held back go out now
 * rather than at its next poll. Audited (before/after) when the switch changed.
 */
export async function setChannelEnabled(
  ctx: AppContext,
  { channel, enabled, actor }: { channel: ExternalChannelName; enabled: boolean; actor: AuditActor },
): Promise<ChannelStatusDto> {
  const was = await ctx.delivery.switches.isEnabled(channel);
  await ctx.delivery.switches.set(channel, enabled);
  // One upsert, no transaction: the event follows it.
  if (was !== enabled) {
    await appendAuditEvent(ctx.db, actor, { action: 'channel.updated', target: { type: 'channel', id: channel }, before: { enabled: was }, after: { enabled } });
  }
  ctx.log.info({ channel, enabled }, 'Channel switched by an admin');
  if (enabled) ctx.delivery.wake();
  return getChannelStatus(ctx, channel);
}
