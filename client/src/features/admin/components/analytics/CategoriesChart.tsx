import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl } from 'react-intl';
import type { AnalyticsReport } from '@shared/schemas/analytics';
import type { MessageId } from '../../../../i18n/messageIds';
import { useAdminCategoryLabel } from '../../api/getAdminCategories';
import { DataTable } from '../common/DataTable';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, CHART_COLORS, GRID_STROKE, TOOLTIP_STYLE } from './chartStyle';
import { FigureCell, FOLLOW_UP_COLUMNS, FollowUpCells, READ_COLUMNS, ReadCells } from './FigureCells';
import { formatCount, METRIC_LABELS } from './formatFigures';

/** Read rate per category (named by its label, Admin → Categories) as bars; under them each category's figures. "*" rows hold opt-outs of a whole channel. */
export function CategoriesChart({ report }: { report: AnalyticsReport }) {
  const intl = useIntl();
  const m = (id: MessageId) => intl.formatMessage({ id });
  const categoryLabel = useAdminCategoryLabel();
  const label = (category: string) => (category === '*' ? m('admin.analytics.allCategories') : categoryLabel(category));
  const rated = report.categories.filter((row) => row.readRate !== null).map((row) => ({ label: label(row.category), percent: Math.round(row.readRate! * 1000) / 10 }));
  return (
    <ChartFigure
      id="analytics-categories"
      title={m('admin.analytics.categories.title')}
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <BarChart accessibilityLayer={false} data={rated} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={AXIS_TICK} />
            <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} width={48} />
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Bar dataKey="percent" name={m('admin.analytics.metric.readRate')} fill={CHART_COLORS.primary} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <DataTable
          testId="analytics-categories-table"
          scrollLabel={m('admin.analytics.categories.title')}
          columns={[
            m('admin.analytics.col.category'),
            ...(['notifications', 'sends', ...READ_COLUMNS, ...FOLLOW_UP_COLUMNS] as const).map((key) => ({
              label: m(METRIC_LABELS[key]),
              numeric: true,
            })),
          ]}
        >
          {report.categories.map((row) => (
            <tr key={row.category} data-category={row.category}>
              <th scope="row">{label(row.category)}</th>
              <FigureCell label={m(METRIC_LABELS.notifications)}>{formatCount(intl, row.notifications)}</FigureCell>
              <FigureCell label={m(METRIC_LABELS.sends)}>{formatCount(intl, row.sends)}</FigureCell>
              <ReadCells row={row} />
              <FollowUpCells row={row} />
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
