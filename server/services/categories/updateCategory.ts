import type { CategoryDto, UpdateCategoryInput } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentCategory } from '../../presenters/directory.js';

/**
 * Changes the given fields of a category (its key is its identity and never changes); unknown key → 404.
 * Every node's category cache hears of it (invalidation bus, topic `category`) before this returns.
 */
export async function updateCategory(
  ctx: Pick<AppContext, 'db' | 'invalidation'>,
  key: string,
  changes: UpdateCategoryInput,
): Promise<CategoryDto> {
  const { db } = ctx;
  const current = await db.category.findUnique({ where: { key } });
  if (!current) throw NotFoundError('category');
  const { defaultChannels, escalation, ...rest } = changes;
  const data = {
    ...rest,
    ...(defaultChannels ? { defaultChannels: [...new Set(defaultChannels)].join(',') } : {}),
    ...(escalation ? { escalation: escalation.length > 0 ? JSON.stringify(escalation) : null } : {}),
  };
  if (Object.keys(data).length === 0) return presentCategory(current);
  const updated = await db.category.update({ where: { key }, data });
  await ctx.invalidation.publish('category', key);
  return presentCategory(updated);
}
