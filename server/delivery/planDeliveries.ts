import { randomUUID } from 'node:crypto';
import type { EscalationStep } from '../../shared/schemas/preferences.js';
import type { Channel } from '../../shared/types.js';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { Prisma } from '../generated/sqlite/client.js';
import { groupPreferenceRows, NO_PREFERENCES } from '../preferences/effectivePreference.js';
import type { SendSpec } from '../services/sends/sendSpec.js';
import { routeNotification, type PlannedChannel, type RecipientPolicy, type RoutingDecision } from './routeNotification.js';

const CHUNK = 500;

/** Everything routing needs about many recipients, read inside the send's transaction. */
async function loadPolicies(tx: Tx, userIds: string[]): Promise<Map<string, RecipientPolicy>> {
  const policies = new Map<string, RecipientPolicy>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const ids = userIds.slice(i, i + CHUNK);
    const [users, devices, preferences] = await Promise.all([
      tx.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, email: true, phone: true, smsConsentAt: true, quietHoursStart: true, quietHoursEnd: true, timezone: true },
      }),
      tx.pushSubscription.groupBy({ by: ['userId'], where: { userId: { in: ids } }, _count: { _all: true } }),
      tx.preference.findMany({ where: { userId: { in: ids } } }),
    ]);
    const deviceCount = new Map(devices.map((d) => [d.userId, d._count._all]));
    const rowsByUser = new Map<string, typeof preferences>();
    for (const row of preferences) rowsByUser.set(row.userId, [...(rowsByUser.get(row.userId) ?? []), row]);
    for (const u of users) {
      const rows = rowsByUser.get(u.id);
      policies.set(u.id, {
        email: u.email,
        phone: u.phone,
        smsConsentAt: u.smsConsentAt,
        pushDevices: deviceCount.get(u.id) ?? 0,
        preferences: rows ? groupPreferenceRows(rows) : NO_PREFERENCES,
        quietHours: u.quietHoursStart && u.quietHoursEnd ? { start: u.quietHoursStart, end: u.quietHoursEnd } : null,
        timezone: u.timezone,
      });
    }
  }
  return policies;
}

/**
 * The external channels the admins have switched on. Read before a send's transaction: inside it, only
 * `tx` may be used (on SQLite a query on the outer client waits for the transaction to end).
 */
export async function enabledExternalChannels(ctx: AppContext): Promise<Set<ExternalChannel>> {
  const enabled = new Set<ExternalChannel>();
  for (const channel of EXTERNAL_CHANNELS) if (await ctx.delivery.switches.isEnabled(channel)) enabled.add(channel);
  return enabled;
}

/** Routing decisions for every recipient of a send (see routeNotification), keyed by user id. */
export async function planRouting(
  tx: Tx,
  spec: SendSpec,
  userIds: string[],
  now: Date,
  enabledChannels: ReadonlySet<ExternalChannel>,
): Promise<Map<string, RoutingDecision>> {
  const row = await tx.category.findUnique({ where: { key: spec.category } });
  const category = {
    key: spec.category,
    critical: row?.critical ?? false,
    defaultChannels: (row?.defaultChannels ?? 'in_app').split(',') as Channel[],
    escalation: row?.escalation ? (JSON.parse(row.escalation) as EscalationStep[]) : [],
  };
  const policies = await loadPolicies(tx, userIds);
  const decisions = new Map<string, RoutingDecision>();
  for (const [userId, recipient] of policies) {
    decisions.set(userId, routeNotification({ category, priority: spec.priority, overrides: spec.channels, enabledChannels, recipient, now }));
  }
  return decisions;
}

/**
 * Inserts the external deliveries of a send's notifications in the send's transaction: the outbox rows
 * commit with the notifications or not at all. Returns how many were written.
 */
export async function insertDeliveries(
  tx: Tx,
  notifications: { id: string; userId: string }[],
  decisions: Map<string, RoutingDecision>,
  now: Date,
): Promise<number> {
  const rows = notifications.flatMap((n) =>
    (decisions.get(n.userId)?.external ?? []).map((planned: PlannedChannel) => ({ id: randomUUID(), notificationId: n.id, userId: n.userId, ...planned })),
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows
      .slice(i, i + CHUNK)
      .map(
        (d) =>
          Prisma.sql`(${d.id}, ${d.notificationId}, ${d.userId}, ${d.channel}, 'pending', 0, ${d.dueAt}, ${d.escalationStep}, ${d.deferredReason}, ${now}, ${now})`,
      );
    await tx.$executeRaw`INSERT INTO "Delivery" ("id", "notificationId", "userId", "channel", "status", "attempts", "nextAttemptAt", "escalationStep", "deferredReason", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
  }
  return rows.length;
}
