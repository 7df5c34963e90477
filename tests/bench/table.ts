/** The closing table of `npm run bench`: figure | FlashNotify | baseline | ratio | issue 9 goal. Pure. */
import { formatCount, formatMs, formatRatio } from './stats.js';

/** How a value is printed: a duration in ms, a count, a rate per second, KiB, or text as it is. */
export type Unit = 'ms' | 'count' | 'perSecond' | 'kib';

/** One of issue 9's goals: its wording and the check of a measured value (and its baseline). */
export interface Goal {
  text: string;
  met(value: number, baseline: number): boolean;
}

/** A measured value; `undefined` when this system has no such figure, a string when it could not be measured (why). */
export type Measured = number | string | undefined;

/** One line of the table. */
export interface Row {
  figure: string;
  unit: Unit;
  flashnotify: Measured;
  baseline: Measured;
  goal?: Goal;
}

/** `value ≥ min`. */
export const atLeast = (min: number, text: string): Goal => ({ text, met: (value) => value >= min });
/** `value ≤ max`. */
export const atMost = (max: number, text: string): Goal => ({ text, met: (value) => value <= max });
/** `value ≤ factor × baseline`. */
export const withinBaseline = (factor: number, text: string): Goal => ({ text, met: (value, baseline) => value <= factor * baseline });

function formatValue(value: Measured, unit: Unit): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'count':
      return formatCount(value);
    case 'perSecond':
      return `${formatCount(value)}/s`;
    case 'kib':
      return `${formatCount(value, 1)} KiB`;
  }
}

/** ✓ / ✗ before the goal when both sides needed were measured, else the goal alone. */
function verdict(row: Row): string {
  if (!row.goal) return '';
  const { flashnotify: value, baseline } = row;
  if (typeof value !== 'number') return row.goal.text;
  const base = typeof baseline === 'number' ? baseline : Number.NaN;
  return `${row.goal.met(value, base) ? '✓' : '✗'} ${row.goal.text}`;
}

/**
 * Renders rows as an aligned Markdown table (it pastes into an issue as is).
 *
 * @example
 * renderTable([{ figure: 'closed loop, 32 in flight', unit: 'perSecond', flashnotify: 136, baseline: 1079, goal: atLeast(2000, '≥ 2,000/s') }]);
 * // | figure | FlashNotify | baseline | ratio | issue 9 goal |
 * // | closed loop, 32 in flight | 136/s | 1,079/s | 0.13× | ✗ ≥ 2,000/s |
 */
export function renderTable(rows: Row[]): string {
  const header = ['figure', 'FlashNotify', 'baseline', 'ratio', 'issue 9 goal'];
  const cells = rows.map((row) => [
    row.figure,
    formatValue(row.flashnotify, row.unit),
    formatValue(row.baseline, row.unit),
    typeof row.flashnotify === 'number' && typeof row.baseline === 'number' ? formatRatio(row.flashnotify, row.baseline) : '–',
    verdict(row),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
