import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { enabledExternalChannels, insertDeliveries, planRouting } from '../../delivery/planDeliveries.js';
import { HttpError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import { countInboxes } from '../notifications/inboxCounts.js';
import { insertNotifications, type NewNotificationRow } from '../notifications/insertNotifications.js';
import { reserveInboxSeqs } from '../notifications/reserveInboxSeqs.js';
import { FAN_OUT_SLICE, inSlices } from '../slices.js';
import { compileSpec, renderSend, specToColumns, type SendSender, type SendSpec, type SkippedRecipient } from './sendSpec.js';
import { testPausePoint } from './testPausePoint.js';

export type DeliverTarget =
  /** A new send that goes out now: the Send row is created in the same transaction. */
  | { kind: 'new'; sender: SendSender }
  /** A scheduled send claimed by the scheduler; delivered only if this claim still holds it. */
  | { kind: 'claimed'; sendId: string; leaseUntil: Date };

/** What a delivered send created; known before its transaction starts. */
export interface DeliveredSend {
  sendId: string;
  notificationIds: string[];
  /** Recipients who got a notification: the audience less those skipped (see `renderSend`). */
  recipientCount: number;
}

export interface DeliverSendProps {
  spec: SendSpec;
  recipients: TemplateRecipient[];
  target: DeliverTarget;
  /**
   * Runs first inside the send's transaction (the Idempotency-Key's record and stored answer): it commits
   * with the send or not at all, and a throw delivers nothing.
   */
  claim?: (tx: Tx, send: DeliveredSend) => Promise<void>;
}

/**
 * Creates the Send row (new sends) or marks the claimed one sent; a lost claim aborts the transaction.
 * `lastError` says who was skipped and why (null when nobody was).
 */
async function openSend(tx: Tx, spec: SendSpec, target: DeliverTarget, sendId: string, recipientCount: number, sentAt: Date, lastError: string | null): Promise<void> {
  if (target.kind === 'new') {
    await tx.send.create({
      data: {
        id: sendId,
        ...specToColumns(spec),
        apiKeyId: target.sender.apiKeyId,
        createdById: target.sender.userId,
        status: 'sent',
        createdAt: sentAt,
        sentAt,
        recipientCount,
        lastError,
      },
    });
    return;
  }
  const claimed = await tx.send.updateMany({
    where: { id: target.sendId, status: 'processing', leaseUntil: target.leaseUntil },
    data: { status: 'sent', sentAt, leaseUntil: null, lastError, recipientCount },
  });
  if (claimed.count === 0) throw new HttpError(409, 'send_claim_lost', 'The send was cancelled or claimed by another worker');
}

/**
 * Creates one notification per recipient in ONE transaction with the send's status change: per-user
 * seqs, multi-row inserts, and the external deliveries routing allows (the durable outbox). Only after
 * commit is each recipient told over their private room and the delivery worker woken. A claimed send
 * whose claim was lost (cancelled, or re-claimed after its lease expired) delivers nothing.
 *
 * The CPU work of a large fan-out (rendering before the transaction, presenting and emitting after it)
 * runs in slices with the event loop free between them. Inside the transaction only `tx` is used: on
 * SQLite other queries wait for it to end (server/db/serializedSqlite.ts).
 */
export async function deliverSend(ctx: AppContext, { spec, recipients, target, claim }: DeliverSendProps): Promise<DeliveredSend> {
  const templates = compileSpec(spec);
  const sentAt = new Date();
  const data = spec.data ? JSON.stringify(spec.data) : null;
  const sendId = target.kind === 'new' ? randomUUID() : target.sendId;
  // Each rendering is bounded; a recipient whose rendering is over its budget is skipped (renderSend
  // says why), the others are delivered. If that is everyone, the send fails as a whole (422).
  const texts = await renderSend(templates, recipients, spec.data);
  const rendered: { id: string; userId: string; title: string; body: string }[] = [];
  const skipped: SkippedRecipient[] = [];
  texts.forEach((text, i) => {
    if ('skipped' in text) skipped.push(text.skipped);
    else rendered.push({ id: randomUUID(), userId: recipients[i]!.id, ...text });
  });
  if (rendered.length === 0 && skipped.length > 0) throw skipped[0]!.error;
  const lastError = skipped.length > 0 ? describeSkipped(skipped, recipients.length) : null;
  const delivered: DeliveredSend = { sendId, notificationIds: rendered.map((r) => r.id), recipientCount: rendered.length };
  const enabledChannels = await enabledExternalChannels(ctx);

  const { rows, deliveries, counts } = await ctx.db.$transaction(
    async (tx) => {
      await claim?.(tx, delivered);
      await openSend(tx, spec, target, sendId, rendered.length, sentAt, lastError);
      const userIds = rendered.map((r) => r.userId);
      const reserved = await reserveInboxSeqs(tx, ctx.dialect, userIds);
      if (reserved.size !== userIds.length) {
        // Deleted since they were resolved: the answer (and any stored for an Idempotency-Key) would name
        // a notification that does not exist. Nothing commits; a retry resolves the recipients again.
        throw new HttpError(409, 'recipients_changed', 'A recipient was deleted during the send; nothing was sent, retry the request');
      }
      const routing = await planRouting(tx, spec, userIds, sentAt, enabledChannels);
      const rows: NewNotificationRow[] = rendered.map((r) => {
        const decision = routing.get(r.userId);
        // In-app turned off by the user: stored (its deliveries need it; the seq stays contiguous), but
        // archived and read, so it never shows as new.
        const hidden = decision?.inApp === false ? sentAt : null;
        return {
          ...r,
          seq: reserved.get(r.userId)!.seq,
          category: spec.category,
          priority: spec.priority,
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
      const counts = await countInboxes(tx, versions);
      await testPausePoint(ctx, 'send.beforeCommit');
      return { rows, deliveries, counts };
    },
    // A 10k-recipient broadcast holds the transaction for a few seconds on 2 cores.
    { timeout: 120_000, maxWait: 30_000 },
  );
  await testPausePoint(ctx, 'send.afterCommit');

  if (deliveries > 0) ctx.delivery.wake();
  await inSlices(rows, FAN_OUT_SLICE, (slice) => {
    for (const row of slice) {
      // Hidden ones too: the client's seq watermark needs every seq; it files archived items silently.
      ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row));
      ctx.realtime.publish(row.userId, 'counts.updated', counts.get(row.userId)!);
    }
  });
  return delivered;
}

/** Recipients a lastError names, at most: enough to find them, short enough for the history list. */
const SKIPPED_NAMED = 3;

/**
 * The send's lastError when some recipients were skipped: how many, the first few by user id, and the
 * first one's reason, e.g. "Not delivered to 1 of 3 recipients (user 5f…): The body template renders too
 * much (body: Renders more than 65,536 characters)".
 */
function describeSkipped(skipped: SkippedRecipient[], audience: number): string {
  const ids = skipped.slice(0, SKIPPED_NAMED).map((s) => s.recipient.id);
  const more = skipped.length > SKIPPED_NAMED ? ` and ${skipped.length - SKIPPED_NAMED} more` : '';
  const { error } = skipped[0]!;
  const detail = error.details?.[0];
  const reason = detail ? `${error.message} (${detail.path}: ${detail.message})` : error.message;
  return `Not delivered to ${skipped.length} of ${audience} recipient${audience === 1 ? '' : 's'} (user ${ids.join(', ')}${more}): ${reason}`;
}
