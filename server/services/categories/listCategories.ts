import type { CategoryList } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { presentCategory } from '../../presenters/directory.js';

/** Every category, sorted by key. */
export async function listCategories(db: Db): Promise<CategoryList> {
  const rows = await db.category.findMany({ orderBy: { key: 'asc' } });
  return { items: rows.map(presentCategory) };
}
