import type { Tx } from '../../db/client.js';
import type { ExternalChannel } from '../../channels/types.js';

/**
 * Cancels the user's deliveries on `channel` that have not gone out yet (deferred ones included), so
 * withdrawn consent (SMS, WhatsApp) takes effect at once: the delivery worker never sends a cancelled
 * delivery. A delivery already leased (`sending`) is in the provider's hands and cannot be called back.
 * Returns how many were cancelled.
 */
export async function cancelPendingDeliveries(tx: Tx, userId: string, channel: ExternalChannel, reason: string): Promise<number> {
  const { count } = await tx.delivery.updateMany({
    where: { userId, channel, status: 'pending' },
    data: { status: 'cancelled', lastError: reason, leaseUntil: null },
  });
  return count;
}
