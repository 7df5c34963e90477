import type { DigestPeriod } from '../../channels/types.js';
import type { AppContext } from '../../context.js';
import { dailyWindow, hourlyWindow, type DigestWindow } from './digestPeriods.js';

/**
 * How far back periods are discovered. A daily window is at most 25 h long, so every period that fell
 * due while a node was running (or down for up to a day) is found; older ones are stale and left alone.
 */
export const DIGEST_LOOKBACK_MS = 48 * 60 * 60 * 1000;

/** One digest to send: a user's period that has ended, with the window its notifications come from. */
export interface DueDigest extends DigestWindow {
  userId: string;
}

const PERIODS: DigestPeriod[] = ['hourly', 'daily'];

/**
 * The (user, period, periodKey) digests that are due at `now`: their window has ended, it holds at least
 * one notification waiting for that digest (read or not: the run then decides between sending and
 * `empty`), and no run has settled it yet or holds a live lease on it. Plain Prisma queries and Intl time
 * math, so it behaves the same on SQLite and PostgreSQL.
 *
 * @example
 * for (const digest of await dueDigests(ctx, new Date())) await claimDigestRun(ctx, digest, now);
 */
export async function dueDigests(ctx: AppContext, now: Date): Promise<DueDigest[]> {
  const waiting = await ctx.db.notification.findMany({
    where: { digest: { in: PERIODS }, createdAt: { gte: new Date(now.getTime() - DIGEST_LOOKBACK_MS), lt: now } },
    select: { userId: true, digest: true, createdAt: true },
  });
  if (waiting.length === 0) return [];
  const dailyUserIds = [...new Set(waiting.filter((n) => n.digest === 'daily').map((n) => n.userId))];
  const users = new Map(
    (dailyUserIds.length === 0
      ? []
      : await ctx.db.user.findMany({ where: { id: { in: dailyUserIds } }, select: { id: true, digestTime: true, timezone: true } })
    ).map((user) => [user.id, user]),
  );

  const due = new Map<string, DueDigest>();
  for (const n of waiting) {
    const user = users.get(n.userId);
    const window = n.digest === 'hourly' ? hourlyWindow(n.createdAt) : user && dailyWindow(n.createdAt, user.digestTime, user.timezone);
    if (!window || window.to.getTime() > now.getTime()) continue;
    due.set(runKey(n.userId, window.period, window.periodKey), { userId: n.userId, ...window });
  }
  if (due.size === 0) return [];

  const runs = await ctx.db.digestRun.findMany({
    where: { userId: { in: [...new Set([...due.values()].map((d) => d.userId))] }, periodKey: { in: [...new Set([...due.values()].map((d) => d.periodKey))] } },
    select: { userId: true, period: true, periodKey: true, status: true, leaseUntil: true },
  });
  for (const run of runs) {
    // Only a claim whose holder died (lease expired) or a failed attempt awaiting its retry is taken again.
    const claimable = run.status === 'sending' && (run.leaseUntil?.getTime() ?? 0) < now.getTime();
    if (!claimable) due.delete(runKey(run.userId, run.period, run.periodKey));
  }
  return [...due.values()].sort((a, b) => a.to.getTime() - b.to.getTime());
}

const runKey = (userId: string, period: string, periodKey: string) => `${userId}\u0000${period}\u0000${periodKey}`;
