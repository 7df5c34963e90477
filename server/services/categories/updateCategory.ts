import type { CategoryDto, UpdateCategoryInput } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentCategory } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Changes the given fields of a category (its key is its identity and never changes); unknown key → 404.
 * Every node's category cache hears of it (invalidation bus, topic `category`) before this returns. The audit
 * event has the changed fields' values before and after.
 */
export async function updateCategory(
  ctx: Pick<AppContext, 'db' | 'invalidation'>,
  { key, changes, actor }: { key: string; changes: UpdateCategoryInput; actor: AuditActor },
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
  const [before, after] = [presentCategory(current), presentCategory(updated)];
  const changed = (Object.keys(after) as (keyof CategoryDto)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  // One update, no transaction: the event follows it (none when every value stayed the same).
  if (changed.length > 0) {
    await appendAuditEvent(db, actor, {
      action: 'category.updated',
      target: { type: 'category', id: key },
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    });
  }
  await ctx.invalidation.publish('category', key);
  return after;
}
