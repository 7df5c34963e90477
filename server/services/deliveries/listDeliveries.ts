import type { DeliveryPage, ListDeliveriesQuery } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { deliveryInclude, presentDelivery } from '../../presenters/delivery.js';

/** Where-clause of the deliveries page's filters. */
function filterWhere(query: ListDeliveriesQuery): Prisma.DeliveryWhereInput {
  return {
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.notificationId ? { notificationId: query.notificationId } : {}),
    ...(query.sendId ? { notification: { sendId: query.sendId } } : {}),
  };
}

/**
 * External deliveries, newest first, with their attempts, the notification's title and the recipient's
 * email. Keyset pagination: the cursor is the last delivery's id, and the next page is everything
 * strictly after its (createdAt, id) in descending order, so new deliveries never shift a page.
 */
export async function listDeliveries(db: Db, query: ListDeliveriesQuery): Promise<DeliveryPage> {
  let after: Prisma.DeliveryWhereInput = {};
  if (query.cursor) {
    const cursor = await db.delivery.findUnique({ where: { id: query.cursor }, select: { id: true, createdAt: true } });
    if (!cursor) {
      throw new HttpError(400, 'validation_failed', 'Invalid query string', [{ path: 'cursor', message: 'No such delivery' }]);
    }
    after = {
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    };
  }
  const rows = await db.delivery.findMany({
    where: { AND: [filterWhere(query), after] },
    include: deliveryInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentDelivery),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
