import type { Recipient } from '../../../shared/schemas/notification.js';
import { BULK_MAX_NOTIFICATIONS, type BulkItemInput } from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { findIdempotencyRecords, runIdempotent, type StoredAnswer } from '../idempotency/runIdempotent.js';
import type { IdempotencyClaim } from '../idempotency/idempotencyClaim.js';
import { OverloadedError } from '../ingest/sendWriter.js';
import { recipientsFrom, readSelectors } from '../notifications/resolveRecipients.js';
import { collectSelectors, type FoundSelectors } from '../notifications/recipientSelectors.js';
import type { AuditActor } from '../audit/appendAuditEvent.js';
import { createSendTo } from './createSend.js';
import type { SendSender } from './sendSpec.js';

/** One bulk item's outcome: its answer (202, or a replayed one), or the error it failed with. */
export type BulkItemOutcome = { ok: true; answer: StoredAnswer; replayed: boolean } | { ok: false; error: unknown };

/** One bulk item as the route checked it: parsed (with the body as sent, for its key's hash), or its 400. */
export type CheckedBulkItem = { input: BulkItemInput; body: unknown } | { error: unknown };

export interface CreateBulkSendsProps {
  items: CheckedBulkItem[];
  sender: SendSender;
  /** Whose Idempotency-Keys the items' `idempotencyKey`s are (see idempotencyScope). */
  scope: string;
  /** The API key sending: each send's `send.created` audit event commits with it (see createSend). */
  actor: AuditActor;
}

/**
 * Many different sends in one request, each exactly as `POST /api/v1/notifications` would take it alone
 * (same checks, same answer, its own Idempotency-Key), but together: the recipients of every item are
 * read in one lookup, and the sends reach the send writer at once, so they commit in one group
 * (see SendWriter). An item that fails does not stop the others. Outcomes are in request order.
 *
 * @example
 * const outcomes = await createBulkSends(ctx, { items: body.notifications, sender: { apiKeyId }, scope: apiKeyId, actor });
 */
export async function createBulkSends(ctx: AppContext, { items, sender, scope, actor }: CreateBulkSendsProps): Promise<BulkItemOutcome[]> {
  const valid = items.flatMap((p) => ('input' in p ? [p.input] : []));
  const found = await readSelectors(ctx, collectSelectors(valid.flatMap((input) => input.to)), { readEveryone: true });
  const keys = valid.flatMap((input) => (input.idempotencyKey ? [input.idempotencyKey] : []));
  const records = await findIdempotencyRecords(ctx.db, scope, keys);
  const { over, total } = itemsOverBudget(items, found);
  // Admitted as one unit (see SendWriter.tryReserve): its items never crowd each other out of the queue.
  // Refused, each item that would be sent gets the 503 it would get alone, without being rendered; one
  // whose key was used before still gets its stored answer.
  const reservation = ctx.sendWriter.tryReserve(total);
  try {
    return await Promise.all(
      items.map(async (p, i): Promise<BulkItemOutcome> => {
        if (!('input' in p)) return { ok: false, error: p.error };
        if (over.has(i)) return { ok: false, error: bulkTooLarge() };
        const { idempotencyKey, ...input } = p.input;
        const send = async (claim?: IdempotencyClaim): Promise<StoredAnswer> => {
          if (!reservation) throw OverloadedError();
          const props = { input, sender, reservation, actor, onScheduled: ctx.scheduler.wake, ...(claim && { idempotency: claim }) };
          return { status: 202, body: await createSendTo(ctx, props, (to) => recipientsFrom(found, to)) };
        };
        try {
          if (!idempotencyKey) return { ok: true, answer: await send(), replayed: false };
          // The key covers the item as sent, less the key itself (as the header is not part of a body).
          const { idempotencyKey: _key, ...body } = p.body as Record<string, unknown>;
          const request = { scope, key: idempotencyKey, body, keyField: 'idempotencyKey' };
          const { replayed, ...answer } = await runIdempotent(ctx.db, request, send, records.get(idempotencyKey) ?? null);
          return { ok: true, answer, replayed };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  } finally {
    if (reservation) ctx.sendWriter.release(reservation);
  }
}

const bulkTooLarge = () =>
  new HttpError(422, 'bulk_too_large', `A bulk request may create at most ${BULK_MAX_NOTIFICATIONS.toLocaleString('en')} notifications in all`, [
    { path: 'to', message: 'Send this one with POST /api/v1/notifications, or split the request' },
  ]);

/**
 * The items (by index) that would take the request past BULK_MAX_NOTIFICATIONS, in request order, and the
 * notifications the others may create at most (what the request reserves in the send writer): each
 * item's audience counted from above (everyone for `all`, a topic's subscribers, one per other entry) and
 * before anything is rendered, so 1,000 items to everyone cannot make the server render 1,000 × everyone.
 */
function itemsOverBudget(items: CheckedBulkItem[], found: FoundSelectors): { over: Set<number>; total: number } {
  const everyone = found.everyone?.length ?? 0;
  const audience = (to: Recipient[]) => {
    let n = 0;
    for (const entry of to) {
      if ('all' in entry) return everyone;
      n += 'topic' in entry ? (found.subscribers.get(entry.topic)?.length ?? everyone) : 1;
    }
    return n;
  };
  const over = new Set<number>();
  let total = 0;
  items.forEach((item, i) => {
    if (!('input' in item)) return;
    const size = audience(item.input.to);
    if (total + size > BULK_MAX_NOTIFICATIONS) over.add(i);
    else total += size;
  });
  return { over, total };
}
