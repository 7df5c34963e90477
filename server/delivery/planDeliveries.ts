import { randomUUID } from 'node:crypto';
import type { Channel } from '../../shared/types.js';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { Prisma } from '../generated/sqlite/client.js';
import type { SendSpec } from '../services/sends/sendSpec.js';
import { routeChannels, type RecipientReach } from './routeChannels.js';

const CHUNK = 500;

/** One delivery row to insert. */
export interface PlannedDelivery {
  id: string;
  notificationId: string;
  userId: string;
  channel: ExternalChannel;
}

/** Reach (email, phone + consent, push devices) of many users, read inside the send's transaction. */
async function loadReach(tx: Tx, userIds: string[], needPush: boolean): Promise<Map<string, RecipientReach>> {
  const reach = new Map<string, RecipientReach>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const ids = userIds.slice(i, i + CHUNK);
    const [users, devices] = await Promise.all([
      tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, phone: true, smsConsentAt: true } }),
      needPush ? tx.pushSubscription.groupBy({ by: ['userId'], where: { userId: { in: ids } }, _count: { _all: true } }) : [],
    ]);
    const deviceCount = new Map(devices.map((d) => [d.userId, d._count._all]));
    for (const u of users) reach.set(u.id, { email: u.email, phone: u.phone, smsConsentAt: u.smsConsentAt, pushDevices: deviceCount.get(u.id) ?? 0 });
  }
  return reach;
}

/**
 * Decides and inserts the external deliveries of a send's notifications, in the send's transaction:
 * the outbox rows commit with the notifications or not at all.
 */
export async function planDeliveries(
  ctx: AppContext,
  tx: Tx,
  spec: SendSpec,
  notifications: { id: string; userId: string }[],
  now: Date,
): Promise<PlannedDelivery[]> {
  const category = await tx.category.findUnique({ where: { key: spec.category }, select: { defaultChannels: true } });
  const defaultChannels = (category?.defaultChannels ?? 'in_app').split(',') as Channel[];
  const enabledChannels = new Set<ExternalChannel>();
  for (const channel of EXTERNAL_CHANNELS) if (await ctx.delivery.switches.isEnabled(channel)) enabledChannels.add(channel);

  // Cheap exit for the common case: an in-app-only notification to many people reads nothing more.
  const noReach: RecipientReach = { email: 'x', phone: 'x', smsConsentAt: now, pushDevices: 1 };
  const possible = routeChannels({ category: { defaultChannels }, priority: spec.priority, overrides: spec.channels, enabledChannels, recipient: noReach });
  if (possible.length === 0) return [];

  const reach = await loadReach(tx, notifications.map((n) => n.userId), possible.includes('push'));
  const planned: PlannedDelivery[] = [];
  for (const notification of notifications) {
    const recipient = reach.get(notification.userId);
    if (!recipient) continue;
    for (const channel of routeChannels({ category: { defaultChannels }, priority: spec.priority, overrides: spec.channels, enabledChannels, recipient })) {
      planned.push({ id: randomUUID(), notificationId: notification.id, userId: notification.userId, channel });
    }
  }
  for (let i = 0; i < planned.length; i += CHUNK) {
    const values = planned
      .slice(i, i + CHUNK)
      .map((d) => Prisma.sql`(${d.id}, ${d.notificationId}, ${d.userId}, ${d.channel}, 'pending', 0, ${now}, ${now}, ${now})`);
    await tx.$executeRaw`INSERT INTO "Delivery" ("id", "notificationId", "userId", "channel", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
  }
  return planned;
}
