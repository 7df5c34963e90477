import type { ApiKeyDto } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentApiKey } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';

/**
 * Revokes an API key; it fails on its very next request on every node: the nodes' key caches drop it on
 * the invalidation bus's `apiKey` message, sent (and taken by Redis, in scale-out) before this returns.
 * Idempotent: revoking again keeps the original `revokedAt` (and records no second audit event).
 */
export async function revokeApiKey(ctx: Pick<AppContext, 'db' | 'invalidation'>, { id, actor }: { id: string; actor: AuditActor }): Promise<ApiKeyDto> {
  const { db } = ctx;
  // Conditional update, so two concurrent revocations cannot move the first timestamp.
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiKey.findUnique({ where: { id }, include: { createdBy: { select: { name: true } } } });
  if (!row) throw NotFoundError('API key');
  // One update, no transaction: the event follows it.
  if (count > 0) await appendAuditEvent(db, actor, { action: 'api_key.revoked', target: { type: 'api_key', id }, after: { name: row.name } });
  await ctx.invalidation.publish('apiKey', id);
  return presentApiKey(row);
}
