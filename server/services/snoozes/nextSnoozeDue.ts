import type { Db } from '../../db/client.js';

/**
 * When the next snooze after `now` falls due (any user's, any node's), or undefined when none is set:
 * the snooze job arms a timer for it when that comes before its next poll. Strictly after `now`: one
 * already due but held by another node's wake-up is that node's, and must not make this one spin.
 */
export async function nextSnoozeDue(db: Db, now: Date): Promise<Date | undefined> {
  const next = await db.notification.findFirst({
    where: { snoozedUntil: { gt: now } },
    orderBy: { snoozedUntil: 'asc' },
    select: { snoozedUntil: true },
  });
  return next?.snoozedUntil ?? undefined;
}
