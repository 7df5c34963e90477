import type { CategoryDto, CreateCategoryInput } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { presentCategory } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { isUniqueViolation } from '../uniqueViolation.js';

const categoryExists = (key: string) =>
  new HttpError(409, 'category_exists', `A category with key "${key}" already exists`, [
    { path: 'key', message: 'Already taken' },
  ]);

/**
 * Creates a category; a taken key is a 409 naming the `key` field. Every node's category cache hears of it
 * (invalidation bus, topic `category`) before this returns.
 */
export async function createCategory(
  ctx: Pick<AppContext, 'db' | 'invalidation'>,
  { input, actor }: { input: CreateCategoryInput; actor: AuditActor },
): Promise<CategoryDto> {
  let row;
  try {
    row = await ctx.db.category.create({
      data: {
        key: input.key,
        label: input.label,
        description: input.description,
        critical: input.critical,
        defaultChannels: [...new Set(input.defaultChannels)].join(','),
        escalation: input.escalation.length > 0 ? JSON.stringify(input.escalation) : null,
        icon: input.icon,
        retentionDays: input.retentionDays,
      },
    });
  } catch (err) {
    // No read-before-insert: the unique key decides, so two concurrent creates cannot both succeed.
    if (isUniqueViolation(err)) throw categoryExists(input.key);
    throw err;
  }
  const category = presentCategory(row);
  // One insert, no transaction: the event follows it.
  await appendAuditEvent(ctx.db, actor, { action: 'category.created', target: { type: 'category', id: row.key }, after: { ...category } });
  await ctx.invalidation.publish('category', row.key);
  return category;
}
