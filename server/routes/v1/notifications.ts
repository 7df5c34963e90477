import { Router } from 'express';
import { bulkItemSchema, bulkSendSchema, type BulkItemResult } from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { toHttpError } from '../../middleware/errorHandler.js';
import { jsonBody } from '../../middleware/jsonBody.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { idempotencyScope } from '../../services/idempotency/runIdempotent.js';
import { createBulkSends, type BulkItemOutcome, type CheckedBulkItem } from '../../services/sends/createBulkSends.js';
import { sendOnce } from '../sendOnce.js';

/** Bulk bodies: 1,000 items of a few hundred bytes, with room for `data`. Parsed only after the key is checked. */
export const BULK_BODY_LIMIT = '8mb';

/** `/api/v1/notifications`: services post notifications with an API key (`Idempotency-Key` kept per key). */
export function v1NotificationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', noQuery, requireScope('notifications:write'), async (req, res) => {
    const apiKeyId = currentApiKey(res).id;
    await sendOnce(ctx, req, res, { scope: idempotencyScope.apiKey(apiKeyId), sender: { apiKeyId } });
  });

  router.post('/bulk', noQuery, requireScope('notifications:write'), jsonBody(BULK_BODY_LIMIT), async (req, res) => {
    const apiKeyId = currentApiKey(res).id;
    const { notifications } = parseInput(bulkSendSchema, req.body, 'request body');
    const items = notifications.map((body): CheckedBulkItem => {
      try {
        return { input: parseInput(bulkItemSchema, body, 'notification'), body };
      } catch (error) {
        return { error };
      }
    });
    const outcomes = await createBulkSends(ctx, { items, sender: { apiKeyId }, scope: idempotencyScope.apiKey(apiKeyId) });
    const results = outcomes.map((outcome) => bulkItemResult(ctx, outcome));
    res.status(200).json({ results });
  });

  return router;
}

/** An item's outcome as its result: what the same request alone would have been answered. */
function bulkItemResult(ctx: AppContext, outcome: BulkItemOutcome): BulkItemResult {
  if (outcome.ok) return { status: outcome.answer.status, body: outcome.answer.body, ...(outcome.replayed && { replayed: true }) };
  const error = toHttpError(outcome.error);
  if (error) return { status: error.status, body: error.toBody() };
  ctx.log.error({ err: outcome.error }, 'Bulk item failed unexpectedly');
  return { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } } };
}
