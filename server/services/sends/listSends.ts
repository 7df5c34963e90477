import type { ListSendsQuery, SendDto, SendPage } from '../../../shared/schemas/sends.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentSend, sendSenderInclude } from '../../presenters/send.js';

/** Read counts for several sends in one query. */
async function readCounts(db: Db, sendIds: string[]): Promise<Map<string, number>> {
  if (sendIds.length === 0) return new Map();
  const rows = await db.notification.groupBy({
    by: ['sendId'],
    where: { sendId: { in: sendIds }, readAt: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.sendId!, row._count._all]));
}

/** Recipients per action taken, for several sends in one query: send id → (action id → count). */
async function actionCounts(db: Db, sendIds: string[]): Promise<Map<string, Map<string, number>>> {
  const bySend = new Map<string, Map<string, number>>();
  if (sendIds.length === 0) return bySend;
  const rows = await db.notification.groupBy({
    by: ['sendId', 'actedActionId'],
    where: { sendId: { in: sendIds }, actedActionId: { not: null } },
    _count: { _all: true },
  });
  for (const row of rows) {
    let counts = bySend.get(row.sendId!);
    if (!counts) bySend.set(row.sendId!, (counts = new Map()));
    counts.set(row.actedActionId!, row._count._all);
  }
  return bySend;
}

/**
 * One send. `apiKeyId` restricts the lookup to that key's own sends (a service never sees another
 * service's sends); admins pass none.
 */
export async function getSend(db: Db, sendId: string, scope: { apiKeyId?: string } = {}): Promise<SendDto> {
  const row = await db.send.findFirst({
    where: { id: sendId, ...(scope.apiKeyId ? { apiKeyId: scope.apiKeyId } : {}) },
    include: sendSenderInclude,
  });
  if (!row) throw NotFoundError('send');
  return presentSend(row, (await readCounts(db, [row.id])).get(row.id) ?? 0, (await actionCounts(db, [row.id])).get(row.id));
}

/** The send history, newest first, keyset-paginated by id within createdAt order. */
export async function listSends(db: Db, query: ListSendsQuery): Promise<SendPage> {
  const cursor = query.cursor ? await db.send.findUnique({ where: { id: query.cursor }, select: { id: true } }) : null;
  const rows = await db.send.findMany({
    where: query.status ? { status: query.status } : {},
    include: sendSenderInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  const counts = await readCounts(db, page.map((row) => row.id));
  const acted = await actionCounts(db, page.filter((row) => row.actions !== null).map((row) => row.id));
  return {
    items: page.map((row) => presentSend(row, counts.get(row.id) ?? 0, acted.get(row.id))),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
