import type { DeliveryDto } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { getDelivery } from './getDelivery.js';

/** Only deliveries the worker gave up on can be retried; the others are still in its hands or done. */
const RETRYABLE = ['dead', 'failed'];

/**
 * Puts a dead-lettered or permanently failed delivery back in the queue: `pending`, due now, with a fresh
 * attempt budget and no lease, then rings the worker. One conditional update, so a retry never races a
 * second click or another admin into two runs. The attempt log is kept: the timeline shows both runs.
 */
export async function retryDelivery(ctx: AppContext, { id, actor }: { id: string; actor: AuditActor }): Promise<DeliveryDto> {
  const current = await ctx.db.delivery.findUnique({ where: { id }, select: { status: true } });
  if (!current) throw NotFoundError('delivery');
  const { count } = await ctx.db.delivery.updateMany({
    where: { id, status: { in: RETRYABLE } },
    data: { status: 'pending', nextAttemptAt: new Date(), attempts: 0, leaseUntil: null, claimedBy: null },
  });
  if (count === 0) {
    throw new HttpError(409, 'delivery_not_retryable', `Only failed or dead deliveries can be retried; this one is ${current.status}`);
  }
  // One update, no transaction: the event follows it.
  await appendAuditEvent(ctx.db, actor, { action: 'delivery.retried', target: { type: 'delivery', id }, before: { status: current.status }, after: { status: 'pending' } });
  // Read before waking: the answer shows the retry itself, not whatever the worker does next.
  const delivery = await getDelivery(ctx.db, id);
  ctx.delivery.wake();
  return delivery;
}
