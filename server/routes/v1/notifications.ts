import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { jsonBody, SERVICE_API_BODY_LIMIT } from '../../middleware/jsonBody.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { idempotencyScope } from '../../services/idempotency/runIdempotent.js';
import { createBulkSends } from '../../services/sends/createBulkSends.js';
import { sendOnce } from '../sendOnce.js';
import { bulkAnswer, checkBulkBody, noIdempotencyHeader } from './bulkItems.js';

/** Bulk bodies: 1,000 items of a few hundred bytes, with room for `data`. Parsed only after the key is checked. */
export const BULK_BODY_LIMIT = '8mb';

/** `/api/v1/notifications`: services post notifications with an API key (`Idempotency-Key` kept per key). */
export function v1NotificationsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireScope('notifications:write'));

  router.post('/', noQuery, jsonBody(SERVICE_API_BODY_LIMIT), async (req, res) => {
    const apiKeyId = currentApiKey(res).id;
    await sendOnce(ctx, req, res, { scope: idempotencyScope.apiKey(apiKeyId), sender: { apiKeyId } });
  });

  // Depth is checked per item (checkBulkBody), counted from the item as for a single post.
  router.post('/bulk', noQuery, noIdempotencyHeader, jsonBody(BULK_BODY_LIMIT, { maxDepth: Infinity }), async (req, res) => {
    const apiKeyId = currentApiKey(res).id;
    const items = checkBulkBody(req.body);
    const outcomes = await createBulkSends(ctx, { items, sender: { apiKeyId }, scope: idempotencyScope.apiKey(apiKeyId), actor: auditActor(req, res) });
    const { results, retryAfterSeconds } = bulkAnswer(ctx.log, outcomes);
    if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
    res.status(200).json({ results });
  });

  return router;
}
