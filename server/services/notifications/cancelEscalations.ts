import type { Tx } from '../../db/client.js';

/** Why a step did not go out, as shown in the delivery timeline. */
export const READ_BEFORE_STEP = 'Read before this escalation step';

/**
 * Cancels the escalation steps still waiting for notifications the user has now read (inbox, push
 * click or email link all end here), in the transaction that marked them read. `notificationId` limits
 * it to one notification; without it, every read notification of the user (mark all read).
 */
export async function cancelEscalations(tx: Tx, userId: string, notificationId?: string): Promise<number> {
  const { count } = await tx.delivery.updateMany({
    where: {
      userId,
      status: 'pending',
      escalationStep: { not: null },
      notification: { readAt: { not: null }, ...(notificationId ? { id: notificationId } : {}) },
    },
    data: { status: 'cancelled', lastError: READ_BEFORE_STEP },
  });
  return count;
}
