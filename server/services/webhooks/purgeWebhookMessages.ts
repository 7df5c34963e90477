import type { Db } from '../../db/client.js';

/** How long an endpoint's log keeps a message once it is delivered or failed: 30 days, in ms. */
export const WEBHOOK_LOG_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes the delivered and failed webhook messages last touched more than WEBHOOK_LOG_RETENTION_MS before
 * `now` (their payloads copy notification titles and bodies, which must not outlive the notifications by
 * much); waiting ones stay whatever their age. Run by the housekeeping job. Returns how many went.
 */
export async function purgeWebhookMessages(db: Db, now: Date): Promise<number> {
  const { count } = await db.webhookMessage.deleteMany({
    where: { status: { in: ['delivered', 'failed'] }, updatedAt: { lt: new Date(now.getTime() - WEBHOOK_LOG_RETENTION_MS) } },
  });
  return count;
}
