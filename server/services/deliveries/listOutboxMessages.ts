import type { OutboxMessageDto, OutboxPage } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentOutboxMessage } from '../../presenters/delivery.js';

export interface ListOutboxProps {
  /** id of the last message of the previous page. */
  cursor?: string;
  limit: number;
  channel?: OutboxMessageDto['channel'];
}

/** The dev outbox (email and SMS captured instead of sent), newest first, keyset-paginated like deliveries. */
export async function listOutboxMessages(
  db: Db,
  { cursor, limit, channel }: ListOutboxProps,
): Promise<OutboxPage> {
  let after: Prisma.OutboxMessageWhereInput = {};
  if (cursor) {
    const last = await db.outboxMessage.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } });
    if (!last) throw new HttpError(400, 'validation_failed', 'Invalid query string', [{ path: 'cursor', message: 'No such message' }]);
    after = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await db.outboxMessage.findMany({
    where: { AND: [channel ? { channel } : {}, after] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(presentOutboxMessage), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}
