import type { DigestMessage } from '../../channels/types.js';
import type { AppContext } from '../../context.js';
import { globalSwitch, groupPreferenceRows } from '../../preferences/effectivePreference.js';
import type { DueDigest } from './dueDigests.js';

/**
 * The digest as the channel gets it, or null when nothing is left to tell the user: the period's
 * notifications that are still unread, not archived, not expired, and whose category the user still gets
 * email for, grouped by category label.
 *
 * @example
 * const message = await buildDigestMessage(ctx, digest, claim.id, now);
 */
export async function buildDigestMessage(ctx: AppContext, digest: DueDigest, digestId: string, now: Date): Promise<DigestMessage | null> {
  const user = await ctx.db.user.findUnique({
    where: { id: digest.userId },
    select: { id: true, name: true, email: true, phone: true, locale: true, timezone: true, preferences: { where: { channel: 'email' } } },
  });
  if (!user) return null;
  const unread = await ctx.db.notification.findMany({
    where: {
      userId: digest.userId,
      digest: digest.period,
      createdAt: { gte: digest.from, lt: digest.to },
      readAt: null,
      archivedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, category: true, title: true, body: true, actionUrl: true, createdAt: true },
  });
  // Email turned off since (settings, or an unsubscribe link in an earlier digest): leave those out.
  const preferences = groupPreferenceRows(user.preferences);
  const wanted = globalSwitch('email', preferences)
    ? unread.filter((n) => preferences.categories[n.category]?.channels.email !== false)
    : [];
  if (wanted.length === 0) return null;

  const keys = [...new Set(wanted.map((n) => n.category))];
  const rows = new Map(
    (await ctx.db.category.findMany({ where: { key: { in: keys } }, select: { key: true, label: true, critical: true } })).map((c) => [c.key, c]),
  );
  const groups = keys
    .map((category) => ({
      category,
      label: rows.get(category)?.label ?? category,
      locked: rows.get(category)?.critical ?? false,
      notifications: wanted.filter((n) => n.category === category).map(({ category: _, ...item }) => item),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const { preferences: _, ...recipient } = user;
  return { digestId, period: digest.period, recipient, groups };
}
