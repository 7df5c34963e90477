import { Router } from 'express';
import { createNotificationSchema } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { currentApiKey, requireApiKey } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { createNotifications } from '../../services/notifications/createNotifications.js';

/** `/api/v1/notifications`: services post notifications with an API key. */
export function v1NotificationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', requireApiKey(ctx.db, 'notifications:write'), async (req, res) => {
    const input = parseInput(createNotificationSchema, req.body, 'request body');
    const result = await createNotifications(ctx, { input, sender: { apiKeyId: currentApiKey(res).id } });
    res.status(202).json(result);
  });

  return router;
}
