import { Router } from 'express';
import { createNotificationSchema } from '../../../shared/schemas/notification.js';
import { idempotencyHeaderSchema } from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { currentApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { runIdempotent } from '../../services/idempotency/runIdempotent.js';
import { createSend } from '../../services/sends/createSend.js';

/** `/api/v1/notifications`: services post notifications with an API key. */
export function v1NotificationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', requireScope('notifications:write'), async (req, res) => {
    const { 'Idempotency-Key': key } = parseInput(idempotencyHeaderSchema, { 'Idempotency-Key': req.get('Idempotency-Key') }, 'headers');
    const apiKeyId = currentApiKey(res).id;
    const send = async () => {
      const input = parseInput(createNotificationSchema, req.body, 'request body');
      return { status: 202, body: await createSend(ctx, { input, sender: { apiKeyId }, onScheduled: ctx.scheduler.wake }) };
    };
    const result = key ? await runIdempotent(ctx.db, { apiKeyId, key, body: req.body }, send) : { ...(await send()), replayed: false };
    if (result.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });

  return router;
}
