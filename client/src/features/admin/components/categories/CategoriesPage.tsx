import { useState } from 'react';
import clsx from 'clsx';
import { FolderTree, Pencil, ShieldAlert } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CategoryDto } from '@shared/schemas/directory';
import { useAdminCategories } from '../../api/getAdminCategories';
import { ladderSteps } from '../../utils/escalation';
import { retentionText } from '../../utils/retention';
import { CHANNEL_NAMES } from '../../../preferences';
import { DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { categoryColumns, categoryTableColumns } from './categoryColumns';
import { CategoryEditRow } from './CategoryEditRow';
import { CreateCategoryForm } from './CreateCategoryForm';
import './escalation.css';

/**
 * `/admin/categories`: the categories notifications are filed under, how critical they are, where they go,
 * and how critical ones escalate while unread.
 */
export function CategoriesPage() {
  const intl = useIntl();
  const categories = useAdminCategories();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title={intl.formatMessage({ id: 'admin.nav.categories' })} subtitle={intl.formatMessage({ id: 'admin.categories.subtitle' })} />
      <div className="split">
        <TableCard
          titleId="categories-title"
          title={intl.formatMessage({ id: 'admin.categories.all' })}
          count={categories.data?.length}
          className="split__main"
        >
          <QueryView
            query={categories}
            loadingLabel={intl.formatMessage({ id: 'admin.categories.loading' })}
            skeletonRows={4}
            errorTitle={intl.formatMessage({ id: 'admin.categories.loadFailed' })}
            isEmpty={(data) => data.length === 0}
            empty={
              <EmptyState Icon={FolderTree} title={intl.formatMessage({ id: 'admin.categories.empty.title' })}>
                <FormattedMessage id="admin.categories.empty.text" values={{ code: (chunks) => <code>{chunks}</code> }} />
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="categories-table" columns={categoryTableColumns(intl)}>
                {data.map((category) =>
                  editing === category.key ? (
                    <CategoryEditRow key={category.key} category={category} onDone={() => setEditing(null)} />
                  ) : (
                    <CategoryRow key={category.key} category={category} onEdit={() => setEditing(category.key)} />
                  ),
                )}
              </DataTable>
            )}
          </QueryView>
        </TableCard>
        <CreateCategoryForm />
      </div>
    </div>
  );
}

function CategoryRow({ category, onEdit }: { category: CategoryDto; onEdit: () => void }) {
  const intl = useIntl();
  const column = categoryColumns(intl);
  return (
    <tr data-testid="category-row" data-key={category.key}>
      <td data-label={column.key}>
        <code>{category.key}</code>
      </td>
      <td data-label={column.label} className="data-table__primary">
        {category.label}
        {category.description && <span className="data-table__sub">{category.description}</span>}
      </td>
      <td data-label={column.critical}>
        {category.critical ? (
          <span className="priority priority--critical">
            <ShieldAlert size={12} aria-hidden />
            <FormattedMessage id="inbox.priority.critical" />
          </span>
        ) : (
          <span className="muted">
            <FormattedMessage id="admin.categories.notCritical" />
          </span>
        )}
        {category.escalation.length > 0 && <EscalationLadder category={category} />}
      </td>
      <td data-label={column.channels}>
        <span className="chips">
          {category.defaultChannels.map((channel) => (
            <span key={channel} className="chip">
              <FormattedMessage id={CHANNEL_NAMES[channel]} />
            </span>
          ))}
        </span>
      </td>
      <td data-label={column.retention} data-testid="category-retention" className={clsx(category.retentionDays === null && 'muted')}>
        {retentionText(intl, category.retentionDays)}
      </td>
      <td data-label={intl.formatMessage({ id: 'admin.table.actions' })} className="data-table__actions">
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={onEdit}
          aria-label={intl.formatMessage({ id: 'admin.categories.editLabel' }, { label: category.label })}
        >
          <Pencil size={14} aria-hidden />
          <FormattedMessage id="admin.categories.edit" />
        </button>
      </td>
    </tr>
  );
}

/** "Escalates: Push 0 min → Email 5 min → SMS 15 min" under the Critical badge; escalation needs it. */
function EscalationLadder({ category }: { category: CategoryDto }) {
  const intl = useIntl();
  return (
    <span className={clsx('ladder', !category.critical && 'ladder--inactive')} data-testid="category-escalation">
      <span className="ladder__label">
        <FormattedMessage id={category.critical ? 'admin.categories.escalates' : 'admin.categories.escalationInactive'} />
      </span>{' '}
      {ladderSteps(intl, category.escalation).map((step, index) => (
        <span key={index}>
          {index > 0 && ' → '}
          <span className="ladder__step">{step}</span>
        </span>
      ))}
    </span>
  );
}
