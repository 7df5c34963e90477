import type { SendDto } from '../../../shared/schemas/sends.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { getSend } from './listSends.js';

/**
 * Cancels a send that has not gone out. Only `scheduled` sends can be cancelled, in one conditional
 * update: the scheduler claims by the same kind of update, so a send is either cancelled or delivered,
 * never both.
 */
export async function cancelSend(db: Db, sendId: string, scope: { apiKeyId?: string } = {}): Promise<SendDto> {
  const current = await getSend(db, sendId, scope); // 404 for unknown or another key's send
  const { count } = await db.send.updateMany({
    where: { id: sendId, status: 'scheduled' },
    data: { status: 'cancelled', cancelledAt: new Date() },
  });
  if (count === 0) {
    throw new HttpError(409, 'send_not_cancellable', `Only scheduled sends can be cancelled; this one is ${current.status}`);
  }
  return getSend(db, sendId, scope);
}
