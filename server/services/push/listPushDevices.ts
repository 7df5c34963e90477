import type { PushDeviceDto } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';
import { presentPushDevice } from '../../presenters/pushDevice.js';

/**
 * The user's own push devices, newest first.
 *
 * @example
 * res.json({ items: await listPushDevices(ctx.db, userId) });
 */
export async function listPushDevices(db: Db, userId: string): Promise<PushDeviceDto[]> {
  const rows = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, userAgent: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map(presentPushDevice);
}
