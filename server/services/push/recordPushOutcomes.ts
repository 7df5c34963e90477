import type { Db } from '../../db/client.js';

/**
 * Applies what the push services said about a send's devices: `gone` ones (404/410: the subscription
 * expired or was revoked) are deleted, `accepted` ones get `lastUsedAt` = now (shown on the Devices page).
 *
 * @example
 * await recordPushOutcomes(deps.db, { gone: ['sub-1'], accepted: ['sub-2'] });
 */
export async function recordPushOutcomes(db: Db, { gone, accepted }: { gone: string[]; accepted: string[] }): Promise<void> {
  if (gone.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: gone } } });
  if (accepted.length > 0) await db.pushSubscription.updateMany({ where: { id: { in: accepted } }, data: { lastUsedAt: new Date() } });
}
