import type { AnalyticsReport } from '../../../shared/schemas/analytics.js';

const HEADER = ['section', 'bucket_start', 'category', 'channel', 'provider', 'priority', 'metric', 'value'];

/** The dimension columns a section's rows fill (the rest of each row's fields are metrics). */
const DIMENSIONS = ['bucketStart', 'category', 'channel', 'provider', 'priority'] as const;

/**
 * The report as CSV (RFC 4180, CRLF), one figure per line, so a spreadsheet pivots it freely:
 * `section` (totals, series, categories, channels, providers, priorities), the dimensions that apply
 * (others empty), the `metric` (the JSON field's name) and its `value` (empty for a null rate or percentile).
 */
export function analyticsCsv(report: AnalyticsReport): string {
  const lines = [HEADER.join(',')];
  const sections: [string, object[]][] = [
    ['totals', [report.totals]],
    ['series', report.series],
    ['categories', report.categories],
    ['channels', report.channels],
    ['providers', report.providers],
    ['priorities', report.priorities],
  ];
  for (const [section, rows] of sections) {
    for (const row of rows as Record<string, string | number | null>[]) {
      const dimensions = DIMENSIONS.map((name) => String(row[name] ?? ''));
      for (const [metric, value] of Object.entries(row)) {
        if ((DIMENSIONS as readonly string[]).includes(metric)) continue;
        lines.push([section, ...dimensions, metric, value === null ? '' : String(value)].map(csvField).join(','));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes a field that needs it; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
