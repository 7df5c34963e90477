import { Router } from 'express';
import { idParamsSchema } from '../../shared/schemas/cursors.js';
import { pushSubscriptionSchema, type PushDeviceDto } from '../../shared/schemas/delivery.js';
import { resolveVapidKeys } from '../channels/push/vapidKeys.js';
import type { AppContext } from '../context.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../middleware/jsonBody.js';
import { noQuery } from '../middleware/noQuery.js';
import { requireInboxUser } from '../middleware/requireInboxUser.js';
import { currentUserId } from '../middleware/requireUser.js';
import { parseInput } from '../middleware/validate.js';
import { deletePushDevice } from '../services/push/deletePushDevice.js';
import { listPushDevices } from '../services/push/listPushDevices.js';
import { savePushSubscription } from '../services/push/savePushSubscription.js';

/** `/api/push`: the signed-in user's Web Push devices and the key browsers subscribe with. */
export function pushRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireInboxUser(ctx), jsonBody(WEB_APP_BODY_LIMIT));

  router.get('/vapid-public-key', noQuery, async (_req, res) => {
    const { publicKey } = await resolveVapidKeys(ctx);
    res.json({ publicKey });
  });

  router.post('/subscriptions', noQuery, async (req, res) => {
    const subscription = parseInput(pushSubscriptionSchema, req.body, 'request body');
    const device = await savePushSubscription(ctx, {
      userId: currentUserId(req),
      subscription,
      userAgent: req.get('user-agent') ?? '',
    });
    res.status(201).json(device);
  });

  router.get('/subscriptions', noQuery, async (req, res) => {
    const body: { items: PushDeviceDto[] } = { items: await listPushDevices(ctx.db, currentUserId(req)) };
    res.json(body);
  });

  router.delete('/subscriptions/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    await deletePushDevice(ctx, { userId: currentUserId(req), deviceId: id });
    res.status(204).end();
  });

  return router;
}
