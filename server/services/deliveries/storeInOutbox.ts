import type { OUTBOX_CHANNELS } from '../../../shared/schemas/delivery.js';
import type { Db } from '../../db/client.js';

/** One captured email, SMS or Slack message, as the real provider would have received it. */
export interface OutboxEntry {
  channel: (typeof OUTBOX_CHANNELS)[number];
  to: string;
  subject?: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  deliveryId: string;
}

/**
 * Stores a message in the dev outbox instead of sending it; returns the row id (the "provider message id").
 * A retry of the same delivery returns the row already stored, as a provider honouring an idempotency key would.
 *
 * @example
 * const id = await storeInOutbox(ctx.db, { channel: 'sms', to: '+14155550123', text, deliveryId });
 */
export async function storeInOutbox(db: Db, entry: OutboxEntry): Promise<string> {
  const existing = await db.outboxMessage.findFirst({
    where: { deliveryId: entry.deliveryId, channel: entry.channel },
    select: { id: true },
  });
  if (existing) return existing.id;
  const row = await db.outboxMessage.create({
    data: {
      channel: entry.channel,
      to: entry.to,
      subject: entry.subject ?? '',
      text: entry.text,
      html: entry.html ?? '',
      headers: JSON.stringify(entry.headers ?? {}),
      deliveryId: entry.deliveryId,
    },
    select: { id: true },
  });
  return row.id;
}
