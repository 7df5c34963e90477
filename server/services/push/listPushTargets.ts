import type { Db } from '../../db/client.js';

/** A device a push is sent to: its subscription endpoint and keys (RFC 8291 `p256dh`, `auth`). */
export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Every push subscription of the user, with what sending to it takes.
 *
 * @example
 * const devices = await listPushTargets(deps.db, message.recipient.id);
 */
export async function listPushTargets(db: Db, userId: string): Promise<PushTarget[]> {
  return db.pushSubscription.findMany({
    where: { userId },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
}
