import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../context.js';
import { timeOrderedId } from '../../timeOrderedId.js';
import { currentTraceParent, inSpan } from '../../tracing/tracing.js';
import { enabledExternalChannels } from '../../delivery/planDeliveries.js';
import { HttpError } from '../../errors.js';
import type { SendSource } from '../../metrics/appMetrics.js';
import { presentNotification } from '../../presenters/notification.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import type { AuditActor, AuditEntry } from '../audit/appendAuditEvent.js';
import type { IdempotencyClaim } from '../idempotency/idempotencyClaim.js';
import type { StoredAnswer } from '../idempotency/runIdempotent.js';
import type { NewNotificationRow, SendCommit, SendTarget } from '../ingest/commitSends.js';
import type { IngestReservation } from '../ingest/sendWriter.js';
import type { InboxCounts } from '../../../shared/schemas/notification.js';
import { getInboxCounts } from '../notifications/inboxCounts.js';
import { FAN_OUT_SLICE, inSlices } from '../slices.js';
import { compileSpec, renderSend, type SendSpec, type SkippedRecipient } from './sendSpec.js';
import { testPausePoint } from './testPausePoint.js';

export type DeliverTarget = SendTarget;

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
   * The Idempotency-Key this send uses and the answer to store for it: the record commits with the send
   * or not at all (KeyTakenError when a duplicate committed first).
   */
  idempotency?: { claim: IdempotencyClaim; answer: (send: DeliveredSend) => StoredAnswer };
  /** Room its bulk request holds in the writer's queue (see SendWriter.tryReserve). */
  reservation?: IngestReservation | undefined;
  /** Who sends a new send: its `send.created` audit event commits with it (none for a scheduled send released). */
  actor?: AuditActor;
}

/** The audit event of one send created (one per send, whatever its number of recipients). */
export const sendCreatedEvent = (send: { sendId: string; status: string; recipientCount: number }): AuditEntry => ({
  action: 'send.created',
  target: { type: 'send', id: send.sendId },
  after: { status: send.status, recipientCount: send.recipientCount },
});

/**
 * Creates one notification per recipient, committed with the send's row (or its claimed row's status
 * change), the per-user seqs, the external deliveries routing allows (the durable outbox) and, for a new
 * send, its `send.created` audit event (`actor`), in ONE
 * transaction shared with the other sends arriving meanwhile (group commit: ctx.sendWriter, see
 * SendWriter and commitSends). Only after commit is each recipient told over their private room and the
 * delivery worker woken. A claimed send whose claim was lost (cancelled, or re-claimed after its lease
 * expired) delivers nothing.
 *
 * The CPU work of a large fan-out (rendering before the commit, presenting and emitting after it) runs
 * in slices with the event loop free between them.
 *
 * @throws HttpError 422 (every recipient's rendering over budget), 409 `send_claim_lost` /
 *   `recipients_changed`, 503 `overloaded` (the writer's queue is full); KeyTakenError
 */
export async function deliverSend(ctx: AppContext, { spec, recipients, target, idempotency, reservation, actor }: DeliverSendProps): Promise<DeliveredSend> {
  const started = performance.now();
  const templates = compileSpec(spec);
  const sentAt = new Date();
  const sendId = target.kind === 'new' ? randomUUID() : target.sendId;
  // Each rendering is bounded; a recipient whose rendering is over its budget is skipped (renderSend
  // says why), the others are delivered. If that is everyone, the send fails as a whole (422).
  const texts = await renderSend(templates, recipients, spec.data);
  const rendered: { id: string; userId: string; title: string; body: string }[] = [];
  const skipped: SkippedRecipient[] = [];
  texts.forEach((text, i) => {
    if ('skipped' in text) skipped.push(text.skipped);
    // Time-ordered (see timeOrderedId): a fan-out appends to the primary key's index.
    else rendered.push({ id: timeOrderedId(), userId: recipients[i]!.id, ...text });
  });
  if (rendered.length === 0 && skipped.length > 0) throw skipped[0]!.error;
  const lastError = skipped.length > 0 ? describeSkipped(skipped, recipients.length) : null;
  const delivered: DeliveredSend = { sendId, notificationIds: rendered.map((r) => r.id), recipientCount: rendered.length };
  const category = await ctx.categories.get(spec.category);
  if (!category) throw new HttpError(422, 'unknown_category', 'No such category', [{ path: 'category', message: `No category "${spec.category}"` }]);

  const commit: SendCommit = {
    sendId,
    target,
    spec,
    category,
    enabledChannels: await enabledExternalChannels(ctx),
    sentAt,
    notifications: rendered,
    lastError,
    ...(idempotency && { idempotency: { ...idempotency.claim, answer: idempotency.answer(delivered) } }),
    // The request's trace (tracing on), stored on the Send: its deliveries' spans link back to it.
    traceParent: currentTraceParent(),
    ...(actor && { audit: { actor, entry: sendCreatedEvent({ ...delivered, status: 'sent' }) } }),
  };
  const outcome = await inSpan('send.commit', { 'flashnotify.send.id': sendId, 'flashnotify.notifications': rendered.length }, () =>
    ctx.sendWriter.commit(commit, reservation),
  );
  if (!outcome.ok) throw outcome.error;
  await testPausePoint(ctx, 'send.afterCommit');

  const { rows, deliveries } = outcome;
  ctx.metrics.sendCommitted(spec.category, spec.priority, sendSource(target), rows.length);
  if (deliveries > 0) ctx.delivery.wake();
  const counts = await withLateJoiners(ctx, rows, outcome.counts);
  await inSpan('send.emit', { 'flashnotify.send.id': sendId }, () => inSlices(rows, FAN_OUT_SLICE, (slice) => {
    for (const row of slice) {
      // Nobody connected (no counts read): they catch up by seq, counts included, when they connect. One
      // who connects from now on joins their room before their replay reads, after this commit.
      const userCounts = counts.get(row.userId);
      if (!userCounts || !ctx.realtime.reaches(row.userId)) continue;
      // Hidden ones too: the client's seq watermark needs every seq; it files archived items silently.
      ctx.realtime.publish(row.userId, 'notification.created', presentNotification(row), { counts: userCounts });
      ctx.metrics.notificationEmitted((performance.now() - started) / 1000);
    }
  }));
  return delivered;
}

/** How the send came in, as the metrics label it. */
function sendSource(target: DeliverTarget): SendSource {
  if (target.kind === 'claimed') return 'scheduled';
  return target.sender.apiKeyId ? 'api_key' : 'admin';
}

/**
 * The batch's counts, plus those of recipients who connected while it committed: the writer read counts
 * only for users with a socket then (SendWriter's countsWanted). On PostgreSQL such a socket's replay may
 * have read before the COMMIT and missed these rows, so they must be told live; their counts are read now
 * (after the commit, so as new as the emit or newer). Rare (a connect inside a transaction's few ms), and
 * cheap when nobody did: one room lookup per recipient.
 */
async function withLateJoiners(ctx: AppContext, rows: readonly NewNotificationRow[], counts: ReadonlyMap<string, InboxCounts>): Promise<ReadonlyMap<string, InboxCounts>> {
  const late = new Set<string>();
  for (const row of rows) if (!counts.has(row.userId) && ctx.realtime.reaches(row.userId)) late.add(row.userId);
  if (late.size === 0) return counts;
  const all = new Map(counts);
  for (const userId of late) {
    // Deleted since the commit (the read throws): nobody left to tell. The send itself has committed.
    const current = await getInboxCounts(ctx.db, userId).catch(() => undefined);
    if (current) all.set(userId, current);
  }
  return all;
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
