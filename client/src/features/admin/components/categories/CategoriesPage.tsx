import { useState } from 'react';
import { FolderTree, Pencil, ShieldAlert } from 'lucide-react';
import type { CategoryDto } from '@shared/schemas/directory';
import { useAdminCategories } from '../../api/getAdminCategories';
import { CHANNEL_LABELS } from '../../utils/format';
import { PageHeader } from '../common/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../common/QueryStates';
import { CategoryEditRow } from './CategoryEditRow';
import { CreateCategoryForm } from './CreateCategoryForm';

/** `/admin/categories`: the categories notifications are filed under, how critical they are, where they go. */
export function CategoriesPage() {
  const categories = useAdminCategories();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title="Categories" subtitle="What notifications are about, and which channels they use by default." />
      <div className="split">
        <section className="card card--flush split__main" aria-labelledby="categories-title">
          <h2 id="categories-title" className="card__title card__title--padded">
            All categories {categories.data && <span className="card__count">{categories.data.length}</span>}
          </h2>
          {categories.isPending ? (
            <TableSkeleton label="Loading categories" rows={4} />
          ) : categories.isError ? (
            <ErrorState title="Couldn’t load categories" error={categories.error} onRetry={() => void categories.refetch()} />
          ) : categories.data.length === 0 ? (
            <EmptyState Icon={FolderTree} title="No categories yet">
              Create one with the form; notifications without a category go to <code>general</code>.
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="categories-table">
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Label</th>
                    <th scope="col">Critical</th>
                    <th scope="col">Default channels</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {categories.data.map((category) =>
                    editing === category.key ? (
                      <CategoryEditRow key={category.key} category={category} onDone={() => setEditing(null)} />
                    ) : (
                      <CategoryRow key={category.key} category={category} onEdit={() => setEditing(category.key)} />
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </section>
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
