import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ReadFigures } from '@shared/schemas/analytics';
import { formatCount, formatRate, formatSeconds, METRIC_LABELS } from './formatFigures';

/** The columns of ReadCells and FollowUpCells, in order (keys of METRIC_LABELS). */
export const READ_COLUMNS = ['reads', 'readRate', 'p50', 'p90'] as const;
export const FOLLOW_UP_COLUMNS = ['escalationsSent', 'escalationsCancelled', 'optOuts'] as const;

/**
 * One figure's cell, named by its column: below 640 px the tables turn into one card per row and each cell
 * shows its `data-label` (tables.css), without which a card is a column of bare numbers.
 */
export function FigureCell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="num" data-label={label}>
      {children}
    </td>
  );
}

/** A category's or channel's reads, read rate and time to read (median, 90th percentile) as table cells. */
export function ReadCells({ row }: { row: ReadFigures }) {
  const intl = useIntl();
  const label = (key: (typeof READ_COLUMNS)[number]) => intl.formatMessage({ id: METRIC_LABELS[key] });
  return (
    <>
      <FigureCell label={label('reads')}>{formatCount(intl, row.reads)}</FigureCell>
      <FigureCell label={label('readRate')}>{formatRate(intl, row.readRate)}</FigureCell>
      <FigureCell label={label('p50')}>{formatSeconds(intl, row.p50Seconds)}</FigureCell>
      <FigureCell label={label('p90')}>{formatSeconds(intl, row.p90Seconds)}</FigureCell>
    </>
  );
}

/** A category's or channel's escalation steps sent and cancelled, and opt-outs, as table cells. */
export function FollowUpCells({ row }: { row: { escalationsSent: number; escalationsCancelled: number; optOuts: number } }) {
  const intl = useIntl();
  return (
    <>
      {FOLLOW_UP_COLUMNS.map((key) => (
        <FigureCell key={key} label={intl.formatMessage({ id: METRIC_LABELS[key] })}>
          {formatCount(intl, row[key])}
        </FigureCell>
      ))}
    </>
  );
}
