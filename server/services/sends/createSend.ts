import { randomUUID } from 'node:crypto';
import type { CreateNotificationInput, CreateNotificationResult, Recipient } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { writeIdempotencyRecord, type IdempotencyClaim } from '../idempotency/idempotencyClaim.js';
import type { TemplateRecipient } from '../../templates/notificationTemplate.js';
import type { IngestReservation } from '../ingest/sendWriter.js';
import { resolveRecipients } from '../notifications/resolveRecipients.js';
import { deliverSend, sendCreatedEvent, type DeliveredSend } from './deliverSend.js';
import { checkRendering, compileSpec, specFromInput, specToColumns, type SendSender } from './sendSpec.js';
import { currentTraceParent } from '../../tracing/tracing.js';
import { testPausePoint } from './testPausePoint.js';

/** A `scheduledAt` this far in the past still means "now" (clocks differ); older is a mistake. */
export const PAST_SCHEDULE_TOLERANCE_MS = 5 * 60 * 1000;

export interface CreateSendProps {
  input: CreateNotificationInput;
  sender: SendSender;
  /** The scheduler's wake-up, so a send due soon does not wait for the next poll. */
  onScheduled?: (at: Date) => void;
  /**
   * The Idempotency-Key this request holds (see runIdempotent): its record, with the answer (202 and the
   * result), commits in the transaction that creates the send, immediate or scheduled, so the key is used
   * exactly when the send committed.
   */
  idempotency?: IdempotencyClaim;
  /** Room a bulk request holds in the send writer's queue for its items (see SendWriter.tryReserve). */
  reservation?: IngestReservation;
  /** The admin or API key sending: the audit log's `send.created` names them. */
  actor: AuditActor;
}

/**
 * Accepts a send from a service or the composer. Everything that can be wrong is checked now, even for
 * a scheduled send: the category exists, the templates compile, every recipient exists, the templates'
 * output for the first recipient stays within its budget. Then it goes out
 * at once (one transaction, see deliverSend) or is stored for the scheduler. A later recipient whose
 * rendering is over its budget is skipped at delivery, named in the send's lastError (see renderSend).
 *
 * Audited (`send.created`, naming `actor`) in the send's own transaction: the send writer's group commit for a
 * send going out now (see commitSends), the scheduled send's transaction otherwise; so the event exists exactly
 * when the send does, and no write follows the commit that could fail a request whose send went out (a retry
 * without an Idempotency-Key would send it twice).
 */
export async function createSend(ctx: AppContext, props: CreateSendProps): Promise<CreateNotificationResult> {
  return createSendTo(ctx, props, (to) => resolveRecipients(ctx, to));
}

/**
 * createSend with the recipients found by `resolve` (the bulk endpoint reads every item's recipients in
 * one go, see createBulkSends), called after the category is known and the templates compile; audited the same.
 */
export async function createSendTo(
  ctx: AppContext,
  { input, sender, onScheduled, idempotency, reservation, actor }: CreateSendProps,
  resolve: (to: Recipient[]) => Promise<TemplateRecipient[]> | TemplateRecipient[],
): Promise<CreateNotificationResult> {
  const spec = specFromInput(input);
  if (!(await ctx.categories.get(spec.category))) {
    throw new HttpError(422, 'unknown_category', 'No such category', [
      { path: 'category', message: `No category "${spec.category}": create it in the admin UI first` },
    ]);
  }
  const templates = compileSpec(spec);
  const recipients = await resolve(spec.to);
  checkRendering(templates, recipients, spec.data);

  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
  if (scheduledAt && scheduledAt.getTime() < Date.now() - PAST_SCHEDULE_TOLERANCE_MS) {
    throw new HttpError(400, 'validation_failed', 'Invalid request body', [
      { path: 'scheduledAt', message: 'Is in the past: omit it to send now' },
    ]);
  }
  if (scheduledAt && scheduledAt.getTime() > Date.now()) {
    const result: CreateNotificationResult = {
      sendId: randomUUID(),
      status: 'scheduled',
      recipientCount: recipients.length,
      scheduledAt: scheduledAt.toISOString(),
      notificationIds: [],
    };
    await ctx.db.$transaction(async (tx) => {
      if (idempotency) await writeIdempotencyRecord(tx, idempotency, { status: 202, body: result });
      await tx.send.create({
        data: {
          id: result.sendId,
          ...specToColumns(spec),
          apiKeyId: sender.apiKeyId,
          createdById: sender.userId,
          status: 'scheduled',
          scheduledAt,
          recipientCount: recipients.length,
          traceParent: currentTraceParent(),
        },
      });
      await appendAuditEvent(tx, actor, sendCreatedEvent(result));
      await testPausePoint(ctx, 'send.beforeCommit');
    });
    await testPausePoint(ctx, 'send.afterCommit');
    onScheduled?.(scheduledAt);
    return result;
  }

  // recipientCount: who got it, less any recipient whose rendering was over its budget (see renderSend).
  const sent = (delivered: DeliveredSend): CreateNotificationResult => ({ ...delivered, status: 'sent', scheduledAt: null });
  const answer = idempotency && { claim: idempotency, answer: (delivered: DeliveredSend) => ({ status: 202, body: sent(delivered) }) };
  return sent(await deliverSend(ctx, { spec, recipients, target: { kind: 'new', sender }, reservation, actor, ...(answer && { idempotency: answer }) }));
}
