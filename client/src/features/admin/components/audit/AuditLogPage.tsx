import { FilterX, ScrollText, X } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AUDIT_TARGET_TYPES } from '@shared/schemas/audit';
import { useAuditEvents, type AuditFilters as Filters } from '../../api/audit/getAuditEvents';
import { useSearchParamFilters } from '../../hooks/useSearchParamFilters';
import { PageHeader } from '../common/PageHeader';
import { PagedQueryView } from '../common/PagedQueryView';
import { EmptyState } from '../common/QueryStates';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';
import './audit.css';

/** The URL's parameters of this page; `actorLabel` only names the actor filter for people. */
const PARAMS = ['action', 'targetType', 'targetId', 'actorId', 'actorLabel', 'from', 'to'] as const;

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO instant; undefined for no day. */
function dayStart(date: string | null, days = 0): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const start = new Date(`${date}T00:00`);
  start.setDate(start.getDate() + days);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/**
 * `/admin/audit`: the audit log, newest first, filtered by action, target, actor and days (kept in the URL),
 * 50 events at a time. A row's actor or target narrows the log to it.
 */
export function AuditLogPage() {
  const intl = useIntl();
  const [params, setFilters] = useSearchParamFilters();
  const get = (name: (typeof PARAMS)[number]) => params.get(name) || undefined;
  const targetType = AUDIT_TARGET_TYPES.find((type) => type === get('targetType'));
  const filters: Filters = {
    action: get('action'),
    targetType,
    targetId: targetType ? get('targetId') : undefined,
    actorId: get('actorId'),
    from: dayStart(params.get('from')),
    // The "To" day is included: the API's `to` is exclusive, so the next day's midnight.
    to: dayStart(params.get('to'), 1),
  };
  const query = useAuditEvents(filters);
  const filtered = PARAMS.some((name) => get(name));
  const clear = (...names: (typeof PARAMS)[number][]) => setFilters(Object.fromEntries(names.map((name) => [name, ''])));

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title={intl.formatMessage({ id: 'admin.audit.title' })} subtitle={intl.formatMessage({ id: 'admin.audit.subtitle' })} />
      <div className="toolbar">
        <AuditFilters
          values={{ action: filters.action, targetType, fromDate: get('from'), toDate: get('to') }}
          onChange={(name, value) => setFilters(name === 'targetType' ? { targetType: value, targetId: '' } : { [name]: value })}
        />
        {filtered && (
          <button type="button" className="btn btn--ghost" onClick={() => clear(...PARAMS)}>
            <FilterX size={15} aria-hidden />
            <FormattedMessage id="admin.audit.clearFilters" />
          </button>
        )}
      </div>
      {(filters.actorId || filters.targetId) && (
        <div className="chips audit-active-filters">
          {filters.actorId && (
            <span className="chip" data-testid="audit-actor-filter">
              <FormattedMessage id="admin.audit.filter.actor" values={{ label: get('actorLabel') ?? filters.actorId }} />
              <button type="button" className="icon-btn" aria-label={intl.formatMessage({ id: 'admin.audit.filter.removeActor' })} onClick={() => clear('actorId', 'actorLabel')}>
                <X size={12} aria-hidden />
              </button>
            </span>
          )}
          {filters.targetId && (
            <span className="chip" data-testid="audit-target-filter">
              <FormattedMessage id="admin.audit.filter.targetId" values={{ target: filters.targetId }} />
              <button type="button" className="icon-btn" aria-label={intl.formatMessage({ id: 'admin.audit.filter.removeTarget' })} onClick={() => clear('targetId')}>
                <X size={12} aria-hidden />
              </button>
            </span>
          )}
        </div>
      )}
      <section className="card card--flush" aria-label={intl.formatMessage({ id: 'admin.audit.title' })} aria-busy={query.isFetching && !query.isFetchingNextPage}>
        <PagedQueryView
          query={query}
          loadingLabel={intl.formatMessage({ id: 'admin.audit.loading' })}
          errorTitle={intl.formatMessage({ id: 'admin.audit.loadFailed' })}
          empty={
            <EmptyState Icon={ScrollText} title={intl.formatMessage({ id: filtered ? 'admin.audit.noMatch.title' : 'admin.audit.empty.title' })}>
              <FormattedMessage id={filtered ? 'admin.audit.noMatch.text' : 'admin.audit.empty.text'} />
            </EmptyState>
          }
        >
          {(items) => (
            <AuditEventsTable
              events={items}
              onOnlyActor={(actor) => setFilters({ actorId: actor.id ?? '', actorLabel: actor.label })}
              onOnlyTarget={(target) => setFilters({ targetType: target.type, targetId: target.id })}
            />
          )}
        </PagedQueryView>
      </section>
    </div>
  );
}
