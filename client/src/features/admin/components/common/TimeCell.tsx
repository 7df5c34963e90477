import { useIntl } from 'react-intl';
import { useNow } from '../../../../hooks/useNow';
import { formatAge, formatFullDate } from '../../../../i18n/dates';

/** A moment as "5m ago" (or a date), with the full time on hover. */
export function RelativeTime({ iso, now }: { iso: string | null; now?: number }) {
  const intl = useIntl();
  const ticking = useNow(30_000, now === undefined);
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={formatFullDate(intl, iso)}>
      {formatAge(intl, iso, now ?? ticking)}
    </time>
  );
}

/** A moment as a full local date and time. */
export function FullTime({ iso }: { iso: string | null }) {
  const intl = useIntl();
  if (!iso) return <span className="muted">—</span>;
  return <time dateTime={iso}>{formatFullDate(intl, iso)}</time>;
}
