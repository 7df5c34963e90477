import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl } from 'react-intl';
import type { AnalyticsReport } from '@shared/schemas/analytics';
import type { MessageId } from '../../../../i18n/messageIds';
import { DataTable } from '../common/DataTable';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, CHART_COLORS, GRID_STROKE, TOOLTIP_STYLE } from './chartStyle';
import { FigureCell } from './FigureCells';
import { formatCount } from './formatFigures';

/** The series drawn, with their labels and colours. */
const LINES = [
  { key: 'notifications', label: 'admin.analytics.metric.notifications', color: CHART_COLORS.primary },
  { key: 'deliveriesSent', label: 'admin.analytics.metric.deliveriesSent', color: CHART_COLORS.success },
  { key: 'deliveriesFailed', label: 'admin.analytics.metric.deliveriesFailed', color: CHART_COLORS.danger },
  { key: 'reads', label: 'admin.analytics.metric.reads', color: CHART_COLORS.warning },
] as const satisfies readonly { key: keyof AnalyticsReport['totals']; label: MessageId; color: string }[];

/** Notifications, deliveries and reads per bucket over the range, with the figures in a table to unfold. */
export function TrendChart({ report }: { report: AnalyticsReport }) {
  const intl = useIntl();
  const bucketLabel = (iso: string) =>
    report.granularity === 'hour'
      ? intl.formatDate(iso, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
      : intl.formatDate(iso, { month: 'short', day: 'numeric' });
  const data = report.series.map((point) => ({ ...point, label: bucketLabel(point.bucketStart) }));
  const columns = [intl.formatMessage({ id: 'admin.analytics.col.bucket' }), ...LINES.map((line) => ({ label: intl.formatMessage({ id: line.label }), numeric: true })), { label: intl.formatMessage({ id: 'admin.analytics.metric.sends' }), numeric: true }];
  return (
    <ChartFigure
      id="analytics-trend"
      title={intl.formatMessage({ id: 'admin.analytics.trend.title' })}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} width={48} />
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Legend />
            {LINES.map((line) => (
              <Line key={line.key} type="monotone" dataKey={line.key} name={intl.formatMessage({ id: line.label })} stroke={line.color} dot={false} strokeWidth={2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <details className="analytics-figure__details">
          <summary>{intl.formatMessage({ id: 'admin.analytics.showTable' })}</summary>
          <DataTable testId="analytics-trend-table" scrollLabel={intl.formatMessage({ id: 'admin.analytics.trend.title' })} columns={columns}>
            {data.map((point) => (
              <tr key={point.bucketStart}>
                <th scope="row">{point.label}</th>
                {LINES.map((line) => (
                  <FigureCell key={line.key} label={intl.formatMessage({ id: line.label })}>
                    {formatCount(intl, point[line.key])}
                  </FigureCell>
                ))}
                <FigureCell label={intl.formatMessage({ id: 'admin.analytics.metric.sends' })}>{formatCount(intl, point.sends)}</FigureCell>
              </tr>
            ))}
          </DataTable>
        </details>
      }
    />
  );
}
