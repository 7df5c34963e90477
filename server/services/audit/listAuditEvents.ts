import { actionsMatching, type AuditEventPage, type ListAuditQuery } from '../../../shared/schemas/audit.js';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../../shared/schemas/cursors.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentAuditEvent } from '../../presenters/auditEvent.js';

function filters(query: ListAuditQuery): Prisma.AuditEventWhereInput[] {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (query.actorId) where.push({ actorId: query.actorId });
  // The known actions under the prefix, not a LIKE: `_` in `api_key` would be a LIKE wildcard, and an IN list
  // uses the (action, at) index on both databases.
  if (query.action) where.push({ action: { in: actionsMatching(query.action) } });
  if (query.targetType) where.push({ targetType: query.targetType });
  if (query.targetId) where.push({ targetId: query.targetId });
  if (query.from) where.push({ at: { gte: new Date(query.from) } });
  if (query.to) where.push({ at: { lt: new Date(query.to) } });
  // listAuditQuerySchema only admits cursors that decode to an instant in range.
  const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
  if (after) where.push({ OR: [{ at: { lt: after.createdAt } }, { at: after.createdAt, id: { lt: after.id } }] });
  return where;
}

/**
 * One page of the audit log, newest first, narrowed by the query's filters (see listAuditQuerySchema).
 * Keyset-paginated on (at, id), so events appended meanwhile never shift a page.
 *
 * @example
 * const page = await listAuditEvents(db, { action: 'user', limit: 50 });
 */
export async function listAuditEvents(db: Db, query: ListAuditQuery): Promise<AuditEventPage> {
  const rows = await db.auditEvent.findMany({
    where: { AND: filters(query) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAuditEvent),
    nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ createdAt: last.at, id: last.id }) : null,
  };
}
