import type { CategoriesResponse } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';

/**
 * The distinct categories present in a user's inbox, for the filter menu: keys (sorted by key, the
 * original answer) and `{ key, label }` items sorted by label, so people see labels, never raw keys.
 * Deleted notifications do not count: a category only they had is gone from the menu.
 *
 * @example
 * const { categories, items } = await listCategories(ctx.db, userId);
 * // categories: ['billing', 'product'], items: [{ key: 'billing', label: 'Billing' }, { key: 'product', label: 'Product updates' }]
 */
export async function listCategories(db: Db, userId: string): Promise<CategoriesResponse> {
  const rows = await db.notification.findMany({
    where: { userId, deletedAt: null },
    distinct: ['category'],
    select: { category: true },
    orderBy: { category: 'asc' },
  });
  const categories = rows.map((row) => row.category);
  const labels = new Map(
    (await db.category.findMany({ where: { key: { in: categories } }, select: { key: true, label: true } })).map((c) => [c.key, c.label]),
  );
  const items = categories
    .map((key) => ({ key, label: labels.get(key) ?? key }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  return { categories, items };
}
