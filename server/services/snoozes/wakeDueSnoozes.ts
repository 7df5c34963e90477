import type { AppContext } from '../../context.js';
import { publishWoken, wakeNotifications, type SnoozeClaim } from './wakeNotifications.js';

/**
 * Wakes up to `limit` snoozes due at `now` (the soonest first) in one transaction, then tells their
 * owners' tabs and devices (wakeNotifications). Returns how many it woke.
 *
 * Safe on every node at once, exactly once per snooze: on PostgreSQL the due rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so two nodes take disjoint rows, and a row another node woke meanwhile no
 * longer matches `snoozedUntil <= now` when its lock is released (PostgreSQL re-checks the condition on
 * the committed row); SQLite has one writer (BEGIN IMMEDIATE), so the read and the updates are atomic.
 * The whole state is the `snoozedUntil` column: nothing is lost across a restart, and the first pass
 * after a start wakes whatever fell due while the server was down.
 */
export async function wakeDueSnoozes(ctx: AppContext, now: Date, limit: number): Promise<number> {
  const lock = ctx.raw.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const { claimed, woken } = await ctx.raw.transaction(async (sql) => {
    const claims = await sql.all<SnoozeClaim>(
      `SELECT "id", "userId" FROM "Notification" WHERE "snoozedUntil" <= ? ORDER BY "snoozedUntil" LIMIT ?${lock}`,
      [now, limit],
    );
    return { claimed: claims.length, woken: await wakeNotifications(sql, claims) };
  });
  publishWoken(ctx, woken);
  return claimed;
}
