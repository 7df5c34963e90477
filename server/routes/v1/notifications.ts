import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { idempotencyScope } from '../../services/idempotency/runIdempotent.js';
import { sendOnce } from '../sendOnce.js';

/** `/api/v1/notifications`: services post notifications with an API key (`Idempotency-Key` kept per key). */
export function v1NotificationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', noQuery, requireScope('notifications:write'), async (req, res) => {
    const apiKeyId = currentApiKey(res).id;
    await sendOnce(ctx, req, res, { scope: idempotencyScope.apiKey(apiKeyId), sender: { apiKeyId } });
  });

  return router;
}
