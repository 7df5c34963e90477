import type { MessageId } from '../../../i18n/messageIds';
/** The day sections of the inbox list, newest first. */
export const DAY_GROUPS = [
  { key: 'today', labelId: 'inbox.day.today' },
  { key: 'yesterday', labelId: 'inbox.day.yesterday' },
  { key: 'week', labelId: 'inbox.day.week' },
  { key: 'older', labelId: 'inbox.day.older' },
] as const;

/** One of {@link DAY_GROUPS}' keys. */
export type DayGroupKey = (typeof DAY_GROUPS)[number]['key'];

/** A run of items in one section of the list (a day section unless `K` says otherwise), in the list's order. */
export interface DayGroup<T, K extends string = DayGroupKey> {
  key: K;
  /** The section's heading, a message id (`inbox.day.today`). */
  labelId: MessageId;
  items: T[];
}

/** The sections of the snoozed view, by when each item comes back: soonest first, as that view is ordered. */
const WAKE_GROUPS = [
  { key: 'today', labelId: 'inbox.wake.today' },
  { key: 'tomorrow', labelId: 'inbox.wake.tomorrow' },
  { key: 'later', labelId: 'inbox.wake.later' },
] as const;

type WakeGroupKey = (typeof WAKE_GROUPS)[number]['key'];

const MS_PER_DAY = 86_400_000;

/**
 * Calendar days from `then` to `now` on the local clock (the browser's time zone): 0 the same day, 1 the day
 * before, whatever the hours. Counted between local midnights rounded, so a 23- or 25-hour day (a DST change)
 * still counts as one.
 */
export function calendarDaysBetween(then: Date, now: Date): number {
  const midnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  return Math.round((midnight(now) - midnight(then)) / MS_PER_DAY);
}

/**
 * Which section an instant falls in, seen from `now`: Today, Yesterday, This week (2 to 6 calendar days
 * ago: the last seven days, whatever day a week starts on where the user lives), or Older. An instant
 * ahead of `now` (a clock a little behind the server's) counts as today.
 *
 * @example
 * dayGroupOf(new Date('2026-12-01T08:00'), new Date('2026-12-02T09:00')) // 'yesterday'
 */
export function dayGroupOf(at: Date, now: Date): DayGroupKey {
  const days = calendarDaysBetween(at, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 7) return 'week';
  return 'older';
}

/**
 * Splits a newest-first list into day sections, Today first; empty sections are left out. Within a
 * section items keep the list's order, so an item out of date order still joins the section of its date.
 *
 * @example
 * groupByDay(items, (item) => item.createdAt, Date.now()) // [{ key: 'today', labelId: 'inbox.day.today', items: [...] }, ...]
 */
export function groupByDay<T>(items: readonly T[], dateOf: (item: T) => string, now: number): DayGroup<T>[] {
  const today = new Date(now);
  return groupInto(DAY_GROUPS, items, (item) => dayGroupOf(new Date(dateOf(item)), today));
}

/**
 * Splits the snoozed view (soonest to wake first) into sections by the local calendar day each item comes
 * back: Back today (or already due: the server wakes it any moment), Back tomorrow, Back later.
 *
 * @example
 * groupByWake(items, (item) => item.snoozedUntil!, Date.now()) // [{ key: 'tomorrow', labelId: 'inbox.wake.tomorrow', items: [...] }]
 */
export function groupByWake<T>(items: readonly T[], wakeOf: (item: T) => string, now: number): DayGroup<T, WakeGroupKey>[] {
  const today = new Date(now);
  return groupInto(WAKE_GROUPS, items, (item): WakeGroupKey => {
    const days = calendarDaysBetween(today, new Date(wakeOf(item)));
    return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : 'later';
  });
}

/** Puts each item in its section (`keyOf`), sections in `sections`' order, empty ones left out. */
function groupInto<T, K extends string>(
  sections: readonly { key: K; labelId: MessageId }[],
  items: readonly T[],
  keyOf: (item: T) => K,
): DayGroup<T, K>[] {
  const groups = new Map<K, DayGroup<T, K>>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) {
      group = { key, labelId: sections.find((candidate) => candidate.key === key)!.labelId, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return sections.flatMap(({ key }) => groups.get(key) ?? []);
}
