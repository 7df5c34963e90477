import { readRate } from '../../utils/format';

/** "42%" with a thin bar; a dash while nobody was reached. */
export function ReadRate({ readCount, recipientCount }: { readCount: number; recipientCount: number }) {
  const rate = readRate(readCount, recipientCount);
  if (rate === null) return <span className="muted">—</span>;
  return (
    <span className="read-rate" title={`${readCount} of ${recipientCount} read`}>
      <span className="read-rate__value">{rate}%</span>
      <span className="read-rate__bar" aria-hidden>
        <span className="read-rate__fill" style={{ width: `${rate}%` }} />
      </span>
    </span>
  );
}
