import { useState } from 'react';
import clsx from 'clsx';
import { FolderTree, Pencil, ShieldAlert } from 'lucide-react';
import type { CategoryDto } from '@shared/schemas/directory';
import { useAdminCategories } from '../../api/getAdminCategories';
import { ladderSteps } from '../../utils/escalation';
import { CHANNEL_LABELS } from '../../utils/format';
import { DataTable } from '../common/DataTable';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/QueryStates';
import { QueryView } from '../common/QueryView';
import { TableCard } from '../common/TableCard';
import { CATEGORY_TABLE_COLUMNS } from './categoryColumns';
import { CategoryEditRow } from './CategoryEditRow';
import { CreateCategoryForm } from './CreateCategoryForm';
import './escalation.css';

/**
 * `/admin/categories`: the categories notifications are filed under, how critical they are, where they go,
 * and how critical ones escalate while unread.
 */
export function CategoriesPage() {
  const categories = useAdminCategories();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title="Categories" subtitle="What notifications are about, and which channels they use by default." />
      <div className="split">
        <TableCard titleId="categories-title" title="All categories" count={categories.data?.length} className="split__main">
          <QueryView
            query={categories}
            loadingLabel="Loading categories"
            skeletonRows={4}
            errorTitle="Couldn’t load categories"
            isEmpty={(data) => data.length === 0}
            empty={
              <EmptyState Icon={FolderTree} title="No categories yet">
                Create one with the form; notifications without a category go to <code>general</code>.
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable testId="categories-table" columns={CATEGORY_TABLE_COLUMNS}>
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
  return (
    <tr data-testid="category-row" data-key={category.key}>
      <td data-label="Key">
        <code>{category.key}</code>
      </td>
      <td data-label="Label" className="data-table__primary">
        {category.label}
        {category.description && <span className="data-table__sub">{category.description}</span>}
      </td>
      <td data-label="Critical">
        {category.critical ? (
          <span className="priority priority--critical">
            <ShieldAlert size={12} aria-hidden />
            Critical
          </span>
        ) : (
          <span className="muted">No</span>
        )}
        {category.escalation.length > 0 && <EscalationLadder category={category} />}
      </td>
      <td data-label="Default channels">
        <span className="chips">
          {category.defaultChannels.map((channel) => (
            <span key={channel} className="chip">
              {CHANNEL_LABELS[channel]}
            </span>
          ))}
        </span>
      </td>
      <td data-label="Actions" className="data-table__actions">
        <button type="button" className="btn btn--ghost btn--sm" onClick={onEdit} aria-label={`Edit ${category.label}`}>
          <Pencil size={14} aria-hidden />
          Edit
        </button>
      </td>
    </tr>
  );
}

/** "Escalates: Push 0 min → Email 5 min → SMS 15 min" under the Critical badge; escalation needs it. */
function EscalationLadder({ category }: { category: CategoryDto }) {
  return (
    <span className={clsx('ladder', !category.critical && 'ladder--inactive')} data-testid="category-escalation">
      <span className="ladder__label">{category.critical ? 'Escalates:' : 'Escalation (inactive, not critical):'}</span>{' '}
      {ladderSteps(category.escalation).map((step, index) => (
        <span key={index}>
          {index > 0 && ' → '}
          <span className="ladder__step">{step}</span>
        </span>
      ))}
    </span>
  );
}
