import { Router } from 'express';
import { idParamsSchema } from '../../shared/schemas/cursors.js';
import {
  bulkActionSchema,
  type CategoriesResponse,
  countsQuerySchema,
  listNotificationsQuerySchema,
  markAllReadSchema,
  markAllSeenSchema,
  undoSchema,
  updateNotificationSchema,
} from '../../shared/schemas/notification.js';
import { actParamsSchema } from '../../shared/schemas/actions.js';
import type { AppContext } from '../context.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../middleware/jsonBody.js';
import { noQuery } from '../middleware/noQuery.js';
import { requireInboxUser } from '../middleware/requireInboxUser.js';
import { currentUserId } from '../middleware/requireUser.js';
import { parseInput } from '../middleware/validate.js';
import { bulkUpdateNotifications } from '../services/notifications/bulkUpdateNotifications.js';
import { deleteNotification } from '../services/notifications/deleteNotification.js';
import { getInboxCounts } from '../services/notifications/inboxCounts.js';
import { listCategories } from '../services/notifications/listCategories.js';
import { listNotifications } from '../services/notifications/listNotifications.js';
import { markAll } from '../services/notifications/markAll.js';
import { takeAction } from '../services/notifications/takeAction.js';
import { undoInboxAction } from '../services/notifications/undoInboxAction.js';
import { updateNotification } from '../services/notifications/updateNotification.js';


/** `/api/notifications`: the signed-in user's own inbox. */
export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireInboxUser(ctx), jsonBody(WEB_APP_BODY_LIMIT));

  router.get('/', async (req, res) => {
    const query = parseInput(listNotificationsQuerySchema, req.query, 'query string');
    res.json(await listNotifications(ctx, currentUserId(req), query));
  });

  router.get('/counts', async (req, res) => {
    const { category } = parseInput(countsQuerySchema, req.query, 'query string');
    res.json(await getInboxCounts(ctx.db, currentUserId(req), category));
  });

  router.get('/categories', noQuery, async (req, res) => {
    const body: CategoriesResponse = await listCategories(ctx.db, currentUserId(req));
    res.json(body);
  });

  router.post('/read-all', noQuery, async (req, res) => {
    const { category, upToSeq } = parseInput(markAllReadSchema, req.body, 'request body');
    res.json(await markAll(ctx, { userId: currentUserId(req), mark: 'read', category, upToSeq }));
  });

  router.post('/seen-all', noQuery, async (req, res) => {
    const { upToSeq } = parseInput(markAllSeenSchema, req.body, 'request body');
    res.json(await markAll(ctx, { userId: currentUserId(req), mark: 'seen', upToSeq }));
  });

  router.post('/bulk', noQuery, async (req, res) => {
    const input = parseInput(bulkActionSchema, req.body, 'request body');
    res.json(await bulkUpdateNotifications(ctx, { userId: currentUserId(req), input }));
  });

  router.post('/undo', noQuery, async (req, res) => {
    const { token } = parseInput(undoSchema, req.body, 'request body');
    res.json(await undoInboxAction(ctx, { userId: currentUserId(req), token }));
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await deleteNotification(ctx, { userId: currentUserId(req), notificationId: id }));
  });

  router.patch('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const changes = parseInput(updateNotificationSchema, req.body, 'request body');
    res.json(await updateNotification(ctx, { userId: currentUserId(req), notificationId: id, changes }));
  });

  // Rich notifications (issue 11): the recipient takes one of the notification's action buttons.
  router.post('/:id/actions/:actionId', noQuery, async (req, res) => {
    const { id, actionId } = parseInput(actParamsSchema, req.params, 'path');
    res.json(await takeAction(ctx, { userId: currentUserId(req), notificationId: id, actionId }));
  });

  return router;
}
