import type { CategoryDto, UpdateCategoryInput } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentCategory } from '../../presenters/directory.js';

/** Changes the given fields of a category (its key is its identity and never changes); unknown key → 404. */
export async function updateCategory(db: Db, key: string, changes: UpdateCategoryInput): Promise<CategoryDto> {
  const current = await db.category.findUnique({ where: { key } });
  if (!current) throw NotFoundError('category');
  const { defaultChannels, escalation, ...rest } = changes;
  const data = {
    ...rest,
    ...(defaultChannels ? { defaultChannels: [...new Set(defaultChannels)].join(',') } : {}),
    ...(escalation ? { escalation: escalation.length > 0 ? JSON.stringify(escalation) : null } : {}),
  };
  if (Object.keys(data).length === 0) return presentCategory(current);
  return presentCategory(await db.category.update({ where: { key }, data }));
}
