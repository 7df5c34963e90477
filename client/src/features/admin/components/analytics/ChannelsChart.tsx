import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl, type IntlShape } from 'react-intl';
import type { AnalyticsReport } from '@shared/schemas/analytics';
import type { MessageId } from '../../../../i18n/messageIds';
import { CHANNEL_NAMES } from '../../../preferences';
import { DataTable } from '../common/DataTable';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, CHART_COLORS, GRID_STROKE, TOOLTIP_STYLE } from './chartStyle';
import { FigureCell, FOLLOW_UP_COLUMNS, FollowUpCells, READ_COLUMNS, ReadCells } from './FigureCells';
import { formatCount, METRIC_LABELS } from './formatFigures';

/** A channel's name in the reader's language (the preferences page's names; an unknown one as it is). */
function channelLabel(intl: IntlShape, channel: string): string {
  const id = (CHANNEL_NAMES as Partial<Record<string, MessageId>>)[channel];
  return id ? intl.formatMessage({ id }) : channel;
}

/**
 * Deliveries sent, failed and retried per external channel as bars; under them every channel's figures
 * (reads, read rate, time to read, escalations, opt-outs) and the deliveries per provider.
 */
export function ChannelsChart({ report }: { report: AnalyticsReport }) {
  const intl = useIntl();
  const m = (id: MessageId) => intl.formatMessage({ id });
  const external = report.channels.filter((row) => row.channel !== 'in_app').map((row) => ({ ...row, label: channelLabel(intl, row.channel) }));
  return (
    <ChartFigure
      id="analytics-channels"
      title={m('admin.analytics.channels.title')}
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={external} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={AXIS_TICK} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} width={48} />
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Legend />
            <Bar dataKey="deliveriesSent" name={m('admin.analytics.metric.deliveriesSent')} fill={CHART_COLORS.success} isAnimationActive={false} />
            <Bar dataKey="deliveriesFailed" name={m('admin.analytics.metric.deliveriesFailed')} fill={CHART_COLORS.danger} isAnimationActive={false} />
            <Bar dataKey="deliveriesRetried" name={m('admin.analytics.metric.deliveriesRetried')} fill={CHART_COLORS.warning} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <>
          <DataTable
            testId="analytics-channels-table"
            scrollLabel={m('admin.analytics.channels.title')}
            columns={[
              m('admin.analytics.col.channel'),
              ...(['deliveriesSent', 'deliveriesFailed', 'deliveriesRetried', ...READ_COLUMNS, ...FOLLOW_UP_COLUMNS] as const).map((key) => ({
                label: m(METRIC_LABELS[key]),
                numeric: true,
              })),
            ]}
          >
            {report.channels.map((row) => (
              <tr key={row.channel} data-channel={row.channel}>
                <th scope="row">{channelLabel(intl, row.channel)}</th>
                <FigureCell label={m(METRIC_LABELS.deliveriesSent)}>{formatCount(intl, row.deliveriesSent)}</FigureCell>
                <FigureCell label={m(METRIC_LABELS.deliveriesFailed)}>{formatCount(intl, row.deliveriesFailed)}</FigureCell>
                <FigureCell label={m(METRIC_LABELS.deliveriesRetried)}>{formatCount(intl, row.deliveriesRetried)}</FigureCell>
                <ReadCells row={row} />
                <FollowUpCells row={row} />
              </tr>
            ))}
          </DataTable>
          <h3 className="analytics-figure__subtitle">{m('admin.analytics.providers.title')}</h3>
          <DataTable
            testId="analytics-providers-table"
            scrollLabel={m('admin.analytics.providers.title')}
            columns={[
              m('admin.analytics.col.channel'),
              m('admin.analytics.col.provider'),
              ...(['deliveriesSent', 'deliveriesFailed', 'deliveriesRetried'] as const).map((key) => ({ label: m(METRIC_LABELS[key]), numeric: true })),
            ]}
          >
            {report.providers.map((row) => (
              <tr key={`${row.channel}/${row.provider}`}>
                <th scope="row">{channelLabel(intl, row.channel)}</th>
                <td data-label={m('admin.analytics.col.provider')}>{row.provider || '—'}</td>
                <FigureCell label={m(METRIC_LABELS.deliveriesSent)}>{formatCount(intl, row.sent)}</FigureCell>
                <FigureCell label={m(METRIC_LABELS.deliveriesFailed)}>{formatCount(intl, row.failed)}</FigureCell>
                <FigureCell label={m(METRIC_LABELS.deliveriesRetried)}>{formatCount(intl, row.retried)}</FigureCell>
              </tr>
            ))}
          </DataTable>
        </>
      }
    />
  );
}
