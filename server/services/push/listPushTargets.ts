import { MAX_PUSH_DEVICES_PER_USER } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';
import { byRecentActivity } from './deviceActivity.js';

/** A device a push is sent to: its subscription endpoint and keys (RFC 8291 `p256dh`, `auth`). */
export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * The user's push subscriptions a push goes to, with what sending to it takes: at most
 * MAX_PUSH_DEVICES_PER_USER, the most recently active (byRecentActivity). Subscribing keeps a user within
 * the cap; the limit here also bounds users who subscribed more devices before the cap existed.
 *
 * @example
 * const devices = await listPushTargets(deps.db, message.recipient.id);
 */
export async function listPushTargets(db: Db, userId: string): Promise<PushTarget[]> {
  const rows = await db.pushSubscription.findMany({
    where: { userId },
    select: { id: true, endpoint: true, p256dh: true, auth: true, consentAt: true, lastUsedAt: true },
  });
  return rows
    .sort(byRecentActivity)
    .slice(0, MAX_PUSH_DEVICES_PER_USER)
    .map(({ id, endpoint, p256dh, auth }) => ({ id, endpoint, p256dh, auth }));
}
