import { useIntl } from 'react-intl';
import type { ReadFigures } from '@shared/schemas/analytics';
import { formatCount, formatRate, formatSeconds } from './formatFigures';

/** The columns of ReadCells and FollowUpCells, in order (keys of METRIC_LABELS). */
export const READ_COLUMNS = ['reads', 'readRate', 'p50', 'p90'] as const;
export const FOLLOW_UP_COLUMNS = ['escalationsSent', 'escalationsCancelled', 'optOuts'] as const;

/** A category's or channel's reads, read rate and time to read (median, 90th percentile) as table cells. */
export function ReadCells({ row }: { row: ReadFigures }) {
  const intl = useIntl();
  return (
    <>
      <td className="num">{formatCount(intl, row.reads)}</td>
      <td className="num">{formatRate(intl, row.readRate)}</td>
      <td className="num">{formatSeconds(intl, row.p50Seconds)}</td>
      <td className="num">{formatSeconds(intl, row.p90Seconds)}</td>
    </>
  );
}

/** A category's or channel's escalation steps sent and cancelled, and opt-outs, as table cells. */
export function FollowUpCells({ row }: { row: { escalationsSent: number; escalationsCancelled: number; optOuts: number } }) {
  const intl = useIntl();
  return (
    <>
      <td className="num">{formatCount(intl, row.escalationsSent)}</td>
      <td className="num">{formatCount(intl, row.escalationsCancelled)}</td>
      <td className="num">{formatCount(intl, row.optOuts)}</td>
    </>
  );
}
