import type { InboxCounts } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { SqlRunner } from '../../db/rawDatabase.js';
import { presentNotification, type NotificationRow } from '../../presenters/notification.js';
import { lockExistingUsers, reserveSeqs } from '../ingest/sendStatements.js';
import { countInboxRows, readStreamRows } from '../notifications/inboxStatements.js';

/** A snoozed notification taken for waking (claimed in the caller's transaction). */
export interface SnoozeClaim {
  id: string;
  userId: string;
}

/** What a wake committed: the woken rows (with their new seqs) and their owners' counts after it. */
export interface WokenNotifications {
  rows: (NotificationRow & { userId: string })[];
  counts: ReadonlyMap<string, InboxCounts>;
}

/**
 * Wakes claimed snoozes inside the caller's transaction: each comes back **as new**, exactly as a new
 * notification of its user would arrive:
 *
 * - it takes the next seq of the user's `inboxSeq` (reserveSeqs, the send path's own statement, after
 *   the same user-row lock in id order), so it sorts at the top of the inbox and the reconnect replay,
 *   which is by seq, brings it to every device that was offline when it woke. Its old seq is never
 *   handed out again: a hole a client's watermark jumps like any seq it is told is covered;
 * - it is unread and unseen again (back in the badge), and no longer snoozed;
 * - `createdAt`, `digest` and its deliveries stay as they were: waking is not a new send, so no email,
 *   SMS or push goes out again, and a digest period (chosen by `createdAt`) does not take it twice.
 *
 * Callers emit with {@link publishWoken} after the commit. The user rows are locked after the claimed
 * notification rows, the order every inbox change takes (PATCH, mark all), so none of them deadlock.
 */
export async function wakeNotifications(sql: SqlRunner, claims: readonly SnoozeClaim[]): Promise<WokenNotifications> {
  if (claims.length === 0) return { rows: [], counts: new Map() };
  const existing = await lockExistingUsers(sql, [...new Set(claims.map((c) => c.userId))]);
  const wanted = new Map<string, number>();
  for (const c of claims) if (existing.has(c.userId)) wanted.set(c.userId, (wanted.get(c.userId) ?? 0) + 1);
  const reserved = await reserveSeqs(sql, wanted);
  const nextSeq = new Map([...reserved].map(([id, r]) => [id, r.seq - wanted.get(id)! + 1]));
  for (const claim of claims) {
    const seq = nextSeq.get(claim.userId);
    if (seq === undefined) continue; // its user was deleted meanwhile (the row goes with them)
    nextSeq.set(claim.userId, seq + 1);
    await sql.run(
      `UPDATE "Notification" SET "seq" = ?, "snoozedUntil" = NULL, "readAt" = NULL, "seenAt" = NULL WHERE "id" = ?`,
      [seq, claim.id],
    );
  }
  const rows: WokenNotifications['rows'] = [];
  for (const [userId, r] of reserved) {
    // The user's woken ones hold exactly the seqs just reserved.
    for (const row of await readStreamRows(sql, userId, r.seq - wanted.get(userId)!, r.seq)) rows.push({ ...row, userId });
  }
  const counted = await countInboxRows(sql, [...reserved.keys()]);
  const counts = new Map([...counted].map(([id, c]) => [id, { ...c, version: reserved.get(id)!.version }]));
  return { rows, counts };
}

/**
 * Tells every tab and device of each owner, after the commit: one `notification.created` per woken
 * notification with its owner's counts after the wake, as a new one is announced (clients dedupe by id
 * AND seq, so a notification they hold under its old seq is taken as new: shared/inboxSync.ts).
 */
export function publishWoken(ctx: AppContext, woken: WokenNotifications): void {
  for (const row of woken.rows) {
    ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row), { counts: woken.counts.get(row.userId)! });
  }
}
