import type { SendDto } from '../../../shared/schemas/sends.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { getSend } from './listSends.js';

/**
 * Cancels a send that has not gone out. Only `scheduled` sends can be cancelled, in one conditional
 * update: the scheduler claims by the same kind of update, so a send is either cancelled or delivered,
 * never both. `apiKeyId` restricts it to that key's own sends (another key's send is a 404).
 */
export async function cancelSend(
  db: Db,
  { sendId, actor, apiKeyId }: { sendId: string; actor: AuditActor; apiKeyId?: string },
): Promise<SendDto> {
  const scope = apiKeyId ? { apiKeyId } : {};
  const current = await getSend(db, sendId, scope); // 404 for unknown or another key's send
  const { count } = await db.send.updateMany({
    where: { id: sendId, status: 'scheduled' },
    data: { status: 'cancelled', cancelledAt: new Date() },
  });
  if (count === 0) {
    throw new HttpError(409, 'send_not_cancellable', `Only scheduled sends can be cancelled; this one is ${current.status}`);
  }
  // One update, no transaction: the event follows it.
  await appendAuditEvent(db, actor, { action: 'send.cancelled', target: { type: 'send', id: sendId } });
  return getSend(db, sendId, scope);
}
