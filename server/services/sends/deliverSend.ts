import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification, type NotificationRow } from '../../presenters/notification.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { planDeliveries } from '../../delivery/planDeliveries.js';
import { countInboxes } from '../notifications/inboxCounts.js';
import { reserveInboxSeqs } from '../notifications/reserveInboxSeqs.js';
import { compileSpec, specToColumns, type SendSender, type SendSpec } from './sendSpec.js';

/** Rows per multi-row INSERT: 11 parameters a row stays far below SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 500;

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
  const context = (recipient: TemplateRecipient) => ({ recipient, data: spec.data ?? {} });

  const { sendId, rows, deliveries, counts } = await ctx.db.$transaction(
    async (tx) => {
      let sendId: string;
      if (target.kind === 'new') {
        const send = await tx.send.create({
          data: {
            ...specToColumns(spec),
            apiKeyId: target.sender.apiKeyId,
            createdById: target.sender.userId,
            status: 'sent',
            createdAt: sentAt,
            sentAt,
            recipientCount: recipients.length,
          },
        });
        sendId = send.id;
      } else {
        const claimed = await tx.send.updateMany({
          where: { id: target.sendId, status: 'processing', leaseUntil: target.leaseUntil },
          data: { status: 'sent', sentAt, leaseUntil: null, lastError: null, recipientCount: recipients.length },
        });
        if (claimed.count === 0) throw new HttpError(409, 'send_claim_lost', 'The send was cancelled or claimed by another worker');
        sendId = target.sendId;
      }
      const reserved = await reserveInboxSeqs(tx, ctx.dialect, recipients.map((r) => r.id));
      const rows: (NotificationRow & { userId: string })[] = recipients.map((recipient) => ({
        id: randomUUID(),
        userId: recipient.id,
        seq: reserved.get(recipient.id)!.seq,
        category: spec.category,
        priority: spec.priority,
        title: truncate(templates.title.render(context(recipient)), LIMITS.titleMax),
        body: truncate(templates.body.render(context(recipient)), LIMITS.bodyMax),
        actionUrl: spec.actionUrl,
        data,
        createdAt: sentAt,
        seenAt: null,
        readAt: null,
        archivedAt: null,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const values = rows
          .slice(i, i + INSERT_CHUNK)
          .map(
            (r) =>
              Prisma.sql`(${r.id}, ${r.userId}, ${r.seq}, ${r.category}, ${r.priority}, ${r.title}, ${r.body}, ${r.actionUrl}, ${r.data}, ${r.createdAt}, ${sendId})`,
          );
        await tx.$executeRaw`INSERT INTO "Notification" ("id", "userId", "seq", "category", "priority", "title", "body", "actionUrl", "data", "createdAt", "sendId") VALUES ${Prisma.join(values)}`;
      }
      const deliveries = await planDeliveries(ctx, tx, spec, rows, sentAt);
      const versions = new Map([...reserved].map(([id, r]) => [id, r.version]));
      return { sendId, rows, deliveries: deliveries.length, counts: await countInboxes(tx, versions) };
    },
    // A 10k-recipient broadcast holds the transaction for a few seconds on 2 cores.
    { timeout: 120_000, maxWait: 30_000 },
  );

  for (const row of rows) {
    ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row));
    ctx.realtime.publish(row.userId, 'counts.updated', counts.get(row.userId)!);
  }
  if (deliveries > 0) ctx.delivery.wake();
  return { sendId, notificationIds: rows.map((r) => r.id) };
}
