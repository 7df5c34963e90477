import { Download } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ANALYTICS_MAX_DAYS, type AnalyticsCounts, type AnalyticsReport } from '@shared/schemas/analytics';
import type { MessageId } from '../../../../i18n/messageIds';
import { analyticsUrl, useAnalytics, type AnalyticsRange } from '../../api/analytics/getAnalytics';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { PageHeader } from '../common/PageHeader';
import { ErrorState, TableSkeleton } from '../common/QueryStates';
import { RANGE_PRESETS, rangeFor, type RangePreset } from './analyticsRange';
import { CategoriesChart } from './CategoriesChart';
import { ChannelsChart } from './ChannelsChart';
import { formatCount, formatRate, METRIC_LABELS } from './formatFigures';
import { TrendChart } from './TrendChart';
import './analytics.css';

const PRESET_LABELS: Record<RangePreset, MessageId> = {
  '24h': 'admin.analytics.range.24h',
  '7d': 'admin.analytics.range.7d',
  '30d': 'admin.analytics.range.30d',
  custom: 'admin.analytics.range.custom',
};

/** The summary tiles, in order. */
const TILES = ['notifications', 'sends', 'deliveriesSent', 'deliveriesFailed', 'reads', 'escalationsSent', 'escalationsCancelled', 'optOuts'] as const satisfies readonly (keyof AnalyticsCounts)[];

/**
 * `/admin/analytics`: notifications, sends, deliveries per channel and provider, reads and time to read per
 * category and channel, escalations and opt-outs over the last 24 hours, 7 or 30 days, or a custom span of
 * days (kept in the URL), from the hourly rollups; charts with their figures as tables, and a CSV download.
 * Its own chunk with the charting library (AdminRoutes loads it lazily).
 */
export default function AnalyticsPage() {
  const intl = useIntl();
  const [params, setFilters] = useSearchParamFilters();
  const preset = RANGE_PRESETS.find((value) => value === params.get('range')) ?? '7d';
  const days = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const range = rangeFor(preset, days, new Date());

  return (
    <div className="admin-page admin-page--wide analytics-page">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.analytics.title' })}
        subtitle={intl.formatMessage({ id: 'admin.analytics.subtitle' })}
        actions={
          range && (
            <a className="btn btn--secondary" href={analyticsUrl(range, 'csv')} download data-testid="analytics-csv">
              <Download size={15} aria-hidden />
              <FormattedMessage id="admin.analytics.downloadCsv" />
            </a>
          )
        }
      />
      <div className="toolbar analytics-toolbar">
        <div className="theme-switch" role="group" aria-label={intl.formatMessage({ id: 'admin.analytics.range.label' })}>
          {RANGE_PRESETS.map((value) => (
            <button key={value} type="button" className="btn btn--ghost btn--sm" aria-pressed={value === preset} onClick={() => setFilters({ range: value })}>
              <FormattedMessage id={PRESET_LABELS[value]} />
            </button>
          ))}
        </div>
        {preset === 'custom' &&
          (['from', 'to'] as const).map((name) => (
            <div className="select-field" key={name}>
              <label htmlFor={`analytics-${name}`} className="select-field__label">
                <FormattedMessage id={name === 'from' ? 'admin.analytics.range.from' : 'admin.analytics.range.to'} />
              </label>
              <input id={`analytics-${name}`} className="date-input" type="date" value={days[name] ?? ''} onChange={(event) => setFilters({ [name]: event.target.value })} />
            </div>
          ))}
      </div>
      {range ? (
        <AnalyticsReportView range={range} />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage id="admin.analytics.range.pickDays" values={{ maxDays: ANALYTICS_MAX_DAYS.day }} />
        </p>
      )}
    </div>
  );
}

function AnalyticsReportView({ range }: { range: AnalyticsRange }) {
  const intl = useIntl();
  const query = useAnalytics(range);
  return (
    <div aria-busy={query.isFetching}>
      {query.isPending ? (
        <TableSkeleton label={intl.formatMessage({ id: 'admin.analytics.loading' })} />
      ) : query.isError ? (
        <ErrorState title={intl.formatMessage({ id: 'admin.analytics.loadFailed' })} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ReportBody report={query.data} />
      )}
    </div>
  );
}

/** Whether the range holds nothing at all to chart (every total 0): an empty state instead of blank charts. */
function isEmpty(report: AnalyticsReport): boolean {
  return Object.values(report.totals).every((value) => value === 0);
}

function ReportBody({ report }: { report: AnalyticsReport }) {
  const intl = useIntl();
  const inApp = report.channels.find((row) => row.channel === 'in_app');
  return (
    <>
      <p className="muted analytics-page__counted" data-testid="analytics-counted-until">
        {report.countedUntil ? (
          <FormattedMessage id="admin.analytics.countedUntil" values={{ time: intl.formatDate(report.countedUntil, { dateStyle: 'medium', timeStyle: 'short' }) }} />
        ) : (
          <FormattedMessage id="admin.analytics.notCountedYet" />
        )}
      </p>
      <dl className="analytics-tiles" data-testid="analytics-totals">
        {TILES.map((key) => (
          <div key={key} className="card analytics-tile" data-metric={key}>
            <dt>{intl.formatMessage({ id: METRIC_LABELS[key] })}</dt>
            <dd>{formatCount(intl, report.totals[key])}</dd>
          </div>
        ))}
        <div className="card analytics-tile" data-metric="readRate">
          <dt>{intl.formatMessage({ id: 'admin.analytics.metric.readRate' })}</dt>
          <dd>{formatRate(intl, inApp?.readRate ?? null)}</dd>
        </div>
      </dl>
      {isEmpty(report) ? (
        <p className="muted" role="status" data-testid="analytics-empty">
          <FormattedMessage id="admin.analytics.empty" />
        </p>
      ) : (
        <>
          <TrendChart report={report} />
          <CategoriesChart report={report} />
          <ChannelsChart report={report} />
        </>
      )}
    </>
  );
}
