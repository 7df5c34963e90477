/**
 * Turns a `datetime-local` value ("2026-05-01T09:30") into ISO 8601 with the browser's UTC offset
 * ("2026-05-01T09:30:00+02:00"), so the server schedules the moment the admin meant.
 *
 * @example
 * toOffsetIso('2026-05-01T09:30'); // "2026-05-01T09:30:00+02:00" in Paris in summer
 */
export function toOffsetIso(local: string): string | null {
  const date = new Date(local);
  if (!local || Number.isNaN(date.getTime())) return null;
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** A `datetime-local` value for `date` in the browser's zone (the input's `min` and default). */
export function toLocalInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The browser's time zone name, to show next to "Send at". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
