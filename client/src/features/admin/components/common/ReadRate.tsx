import { useIntl } from 'react-intl';
import { readRate } from '../../utils/format';

/** "42%" with a thin bar; a dash while nobody was reached. */
export function ReadRate({ readCount, recipientCount }: { readCount: number; recipientCount: number }) {
  const intl = useIntl();
  const rate = readRate(readCount, recipientCount);
  if (rate === null) return <span className="muted">—</span>;
  return (
    <span className="read-rate" title={intl.formatMessage({ id: 'admin.readRate.title' }, { read: readCount, total: recipientCount })}>
      <span className="read-rate__value">{intl.formatNumber(rate / 100, { style: 'percent' })}</span>
      <span className="read-rate__bar" aria-hidden>
        <span className="read-rate__fill" style={{ width: `${rate}%` }} />
      </span>
    </span>
  );
}
