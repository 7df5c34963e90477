import type { Tx } from '../../db/client.js';

/**
 * Cancels the user's SMS deliveries that have not gone out yet (deferred ones included), so withdrawn
 * consent takes effect at once: the delivery worker never sends a cancelled delivery. A delivery already
 * leased (`sending`) is in the provider's hands and cannot be called back.
 */
export async function cancelPendingSms(tx: Tx, userId: string, reason: string): Promise<number> {
  const { count } = await tx.delivery.updateMany({
    where: { userId, channel: 'sms', status: 'pending' },
    data: { status: 'cancelled', lastError: reason, leaseUntil: null },
  });
  return count;
}
