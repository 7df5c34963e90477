import type { RequestHandler } from 'express';
import { bulkItemSchema, bulkSendSchema, type BulkItemResult } from '../../../shared/schemas/sends.js';
import { HttpError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { toHttpError } from '../../middleware/errorHandler.js';
import { findTooDeep, JSON_MAX_DEPTH, JsonTooDeepError, SERVICE_API_BODY_LIMIT } from '../../middleware/jsonBody.js';
import { parseInput } from '../../middleware/validate.js';
import type { BulkItemOutcome, CheckedBulkItem } from '../../services/sends/createBulkSends.js';

/**
 * 400 for an `Idempotency-Key` header on the bulk endpoint: one key cannot stand for many sends (which of
 * them would a retry replay?), so each item carries its own `idempotencyKey`. Refused rather than ignored,
 * so a client who counts on the header to make retries safe learns that it does not.
 */
export const noIdempotencyHeader: RequestHandler = (req, _res, next) => {
  if (req.get('Idempotency-Key') === undefined) return next();
  next(
    new HttpError(400, 'validation_failed', 'Invalid headers', [
      { path: 'Idempotency-Key', message: 'Not taken by the bulk endpoint: give each item its own "idempotencyKey" field instead' },
    ]),
  );
};

/**
 * Checks a bulk body: the envelope as a whole (a 4xx for the request: not an object, no `notifications`
 * array, 0 or more than 1,000 items, unknown fields), then each item on its own, with the checks
 * `POST /api/v1/notifications` makes of a body: at most 256 KiB (413), nested at most JSON_MAX_DEPTH
 * levels counted from the item itself (400 `json_too_deep`), the item schema with the text check (400).
 * So one bad item is an error in its own result, and an item is refused in bulk exactly when it would be
 * refused alone. The route's body parser leaves depth to this (an item deep inside the envelope would
 * otherwise count the envelope's two levels against it).
 *
 * @example
 * const items = checkBulkBody(req.body); // throws the envelope's 4xx
 */
export function checkBulkBody(body: unknown): CheckedBulkItem[] {
  // The items' text is checked with each item, not here: a lone surrogate in one title is that item's 400.
  const items = isObject(body) && Array.isArray(body.notifications) ? (body.notifications as unknown[]) : undefined;
  parseInput(bulkSendSchema, items && isObject(body) ? { ...body, notifications: items.map(() => null) } : body, 'request body');
  if (!items) return []; // not reached: the envelope's parse threw
  return items.map((item): CheckedBulkItem => {
    const tooDeep = findTooDeep(item, JSON_MAX_DEPTH);
    if (tooDeep !== undefined) return { error: JsonTooDeepError(tooDeep) };
    if (Buffer.byteLength(JSON.stringify(item)) > SERVICE_API_BODY_LIMIT) return { error: itemTooLarge() };
    try {
      return { input: parseInput(bulkItemSchema, item, 'notification'), body: item };
    } catch (error) {
      return { error };
    }
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const itemTooLarge = () =>
  new HttpError(413, 'payload_too_large', 'The request body is too large', [
    { path: '', message: `Over the ${SERVICE_API_BODY_LIMIT / 1024} KiB one notification may take (as JSON)` },
  ]);

/** The bulk answer: one result per item, in request order, and the `Retry-After` (seconds) of its longest retry hint. */
export interface BulkAnswer {
  results: BulkItemResult[];
  retryAfterSeconds?: number;
}

/**
 * The items' outcomes as the bulk answer. Each result is what the item alone would have been answered,
 * except that an error names its fields from the request's root (`notifications.3.title`, not `title`),
 * and an error answered with `Retry-After` alone (503 `overloaded`, `service_unavailable`) carries it as
 * `retryAfterSeconds`; the longest of those becomes the response's own `Retry-After`.
 *
 * @example
 * const { results, retryAfterSeconds } = bulkAnswer(ctx.log, outcomes);
 */
export function bulkAnswer(log: Logger, outcomes: BulkItemOutcome[]): BulkAnswer {
  const results = outcomes.map((outcome, i) => itemResult(log, outcome, `notifications.${i}`));
  const hints = results.flatMap((r) => (r.retryAfterSeconds === undefined ? [] : [r.retryAfterSeconds]));
  return { results, ...(hints.length > 0 && { retryAfterSeconds: Math.max(...hints) }) };
}

function itemResult(log: Logger, outcome: BulkItemOutcome, root: string): BulkItemResult {
  if (outcome.ok) return { status: outcome.answer.status, body: outcome.answer.body, ...(outcome.replayed && { replayed: true }) };
  const error = toHttpError(outcome.error);
  if (!error) {
    log.error({ err: outcome.error }, 'Bulk item failed unexpectedly');
    return { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } } };
  }
  const { error: body } = error.toBody();
  const details = body.details?.map((d) => ({ ...d, path: d.path ? `${root}.${d.path}` : root }));
  const retryAfter = Number(error.headers?.['Retry-After']);
  return {
    status: error.status,
    body: { error: { ...body, ...(details && { details }) } },
    ...(Number.isFinite(retryAfter) && { retryAfterSeconds: retryAfter }),
  };
}
