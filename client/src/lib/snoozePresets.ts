/** The quick choices of "snooze until…", in the order they are offered. */
export const SNOOZE_PRESETS = ['later', 'tomorrow', 'nextWeek'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const HOUR_MS = 60 * 60 * 1000;
/** The hour of the day a "tomorrow" or "next week" snooze wakes at, local time. */
const MORNING_HOUR = 9;

/**
 * When a snooze `preset` chosen at `now` wakes, in the local time zone of the runtime (the reader's browser):
 * `later` three hours from now (elapsed time, so a DST change in between does not move it); `tomorrow` the next
 * calendar day at 9:00; `nextWeek` the Monday of next week at 9:00 (a week away on a Monday, tomorrow on a
 * Sunday, weeks starting on Monday). A 9:00 that a DST change skips is the first moment after it that exists.
 *
 * @example
 * snoozeUntil('tomorrow', new Date(2026, 2, 28, 20, 0)); // 2026-03-29 09:00 local time
 */
export function snoozeUntil(preset: SnoozePreset, now: Date = new Date()): Date {
  if (preset === 'later') return new Date(now.getTime() + 3 * HOUR_MS);
  // getDay: 0 Sunday … 6 Saturday; days until the next Monday, 7 when today is one.
  const days = preset === 'tomorrow' ? 1 : (8 - now.getDay()) % 7 || 7;
  // The Date constructor rolls the day over month and year ends and applies that day's own UTC offset.
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, MORNING_HOUR);
}
