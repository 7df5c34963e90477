import { formatFullDate, formatRelativeTime } from '../../../../lib/time';

/** A moment as "5m ago" (or a date), with the full time on hover. */
export function RelativeTime({ iso, now }: { iso: string | null; now?: number }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={formatFullDate(iso)}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}

/** A moment as a full local date and time. */
export function FullTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">—</span>;
  return <time dateTime={iso}>{formatFullDate(iso)}</time>;
}
