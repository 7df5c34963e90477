import type { DeliveryDto } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { deliveryInclude, presentDelivery } from '../../presenters/delivery.js';

/** One delivery with its attempts; 404 when unknown. */
export async function getDelivery(db: Db, id: string): Promise<DeliveryDto> {
  const row = await db.delivery.findUnique({ where: { id }, include: deliveryInclude });
  if (!row) throw NotFoundError('delivery');
  return presentDelivery(row);
}
