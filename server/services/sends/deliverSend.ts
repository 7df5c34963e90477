import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { insertDeliveries, planRouting } from '../../delivery/planDeliveries.js';
import { HttpError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { countInboxes } from '../notifications/inboxCounts.js';
import { insertNotifications, type NewNotificationRow } from '../notifications/insertNotifications.js';
import { reserveInboxSeqs } from '../notifications/reserveInboxSeqs.js';
import { compileSpec, specToColumns, type SendSender, type SendSpec } from './sendSpec.js';

export type DeliverTarget =
  /** A new send that goes out now: the Send row is created in the same transaction. */
  | { kind: 'new'; sender: SendSender }
  /** A scheduled send claimed by the scheduler; delivered only if this claim still holds it. */
  | { kind: 'claimed'; sendId: string; leaseUntil: Date };

export interface DeliverSendProps {
  spec: SendSpec;
  recipients: TemplateRecipient[];
  target: DeliverTarget;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Creates the Send row (new sends) or marks the claimed one sent; a lost claim aborts the transaction. */
async function openSend(tx: Tx, spec: SendSpec, target: DeliverTarget, recipientCount: number, sentAt: Date): Promise<string> {
  if (target.kind === 'new') {
    const send = await tx.send.create({
      data: {
        ...specToColumns(spec),
        apiKeyId: target.sender.apiKeyId,
        createdById: target.sender.userId,
        status: 'sent',
        createdAt: sentAt,
        sentAt,
        recipientCount,
      },
    });
    return send.id;
  }
  const claimed = await tx.send.updateMany({
    where: { id: target.sendId, status: 'processing', leaseUntil: target.leaseUntil },
    data: { status: 'sent', sentAt, leaseUntil: null, lastError: null, recipientCount },
  });
  if (claimed.count === 0) throw new HttpError(409, 'send_claim_lost', 'The send was cancelled or claimed by another worker');
  return target.sendId;
}

/**
 * Creates one notification per recipient in ONE transaction with the send's status change: per-user
 * seqs, rows rendered from the templates, multi-row inserts, and the external deliveries routing allows
 * (the durable outbox). Only after commit is each recipient told over their private room and the
 * delivery worker woken. A claimed send whose claim was lost (cancelled, or re-claimed after its lease
 * expired) delivers nothing.
 */
export async function deliverSend(
  ctx: AppContext,
  { spec, recipients, target }: DeliverSendProps,
): Promise<{ sendId: string; notificationIds: string[] }> {
  const templates = compileSpec(spec);
  const sentAt = new Date();
  const data = spec.data ? JSON.stringify(spec.data) : null;
  const render = (recipient: TemplateRecipient) => {
    const context = { recipient, data: spec.data ?? {} };
    return { title: truncate(templates.title.render(context), LIMITS.titleMax), body: truncate(templates.body.render(context), LIMITS.bodyMax) };
  };

  const { sendId, rows, deliveries, counts } = await ctx.db.$transaction(
    async (tx) => {
      const sendId = await openSend(tx, spec, target, recipients.length, sentAt);
      const reserved = await reserveInboxSeqs(tx, ctx.dialect, recipients.map((r) => r.id));
      const routing = await planRouting(ctx, tx, spec, recipients.map((r) => r.id), sentAt);
      const rows: NewNotificationRow[] = recipients.map((recipient) => {
        const decision = routing.get(recipient.id);
        // In-app turned off by the user: stored (its deliveries need it; the seq stays contiguous), but
        // archived and read, so it never shows as new.
        const hidden = decision?.inApp === false ? sentAt : null;
        return {
          id: randomUUID(),
          userId: recipient.id,
          seq: reserved.get(recipient.id)!.seq,
          category: spec.category,
          priority: spec.priority,
          ...render(recipient),
          actionUrl: spec.actionUrl,
          data,
          createdAt: sentAt,
          seenAt: hidden,
          readAt: hidden,
          archivedAt: hidden,
          digest: decision?.digest ?? null,
        };
      });
      await insertNotifications(tx, rows, sendId);
      const deliveries = await insertDeliveries(tx, rows, routing, sentAt);
      const versions = new Map([...reserved].map(([id, r]) => [id, r.version]));
      return { sendId, rows, deliveries, counts: await countInboxes(tx, versions) };
    },
    // A 10k-recipient broadcast holds the transaction for a few seconds on 2 cores.
    { timeout: 120_000, maxWait: 30_000 },
  );

  for (const row of rows) {
    // Hidden ones too: the client's seq watermark needs every seq; it files archived items silently.
    ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row));
    ctx.realtime.publish(row.userId, 'counts.updated', counts.get(row.userId)!);
  }
  if (deliveries > 0) ctx.delivery.wake();
  return { sendId, notificationIds: rows.map((r) => r.id) };
}
