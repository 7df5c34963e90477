import { Router } from 'express';
import { z } from 'zod';
import {
  type CategoriesResponse,
  listNotificationsQuerySchema,
  markAllReadSchema,
  updateNotificationSchema,
} from '../../shared/schemas/notification.js';
import type { AppContext } from '../context.js';
import { csrfProtection } from '../middleware/csrf.js';
import { currentUserId, requireUser } from '../middleware/requireUser.js';
import { parseInput } from '../middleware/validate.js';
import { getInboxCounts } from '../services/notifications/inboxCounts.js';
import { listCategories } from '../services/notifications/listCategories.js';
import { listNotifications } from '../services/notifications/listNotifications.js';
import { markAll } from '../services/notifications/markAll.js';
import { updateNotification } from '../services/notifications/updateNotification.js';

const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
const emptyBodySchema = z.strictObject({});

/** `/api/notifications`: the signed-in user's own inbox. */
export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireUser, csrfProtection);

  router.get('/', async (req, res) => {
    const query = parseInput(listNotificationsQuerySchema, req.query, 'query string');
    res.json(await listNotifications(ctx.db, currentUserId(req), query));
  });

  router.get('/counts', async (req, res) => {
    res.json(await getInboxCounts(ctx.db, currentUserId(req)));
  });

  router.get('/categories', async (req, res) => {
    const body: CategoriesResponse = await listCategories(ctx.db, currentUserId(req));
    res.json(body);
  });

  router.post('/read-all', async (req, res) => {
    const { category } = parseInput(markAllReadSchema, req.body, 'request body');
    res.json(await markAll(ctx, { userId: currentUserId(req), mark: 'read', category }));
  });

  router.post('/seen-all', async (req, res) => {
    parseInput(emptyBodySchema, req.body, 'request body');
    res.json(await markAll(ctx, { userId: currentUserId(req), mark: 'seen' }));
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const changes = parseInput(updateNotificationSchema, req.body, 'request body');
    res.json(await updateNotification(ctx, { userId: currentUserId(req), notificationId: id, changes }));
  });

  return router;
}
