import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { apiNotFound } from '../../middleware/errorHandler.js';
import { apiKeyRateLimit } from '../../middleware/apiKeyRateLimit.js';
import { requireApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { auditRouter } from '../audit.js';
import { v1NotificationsRouter } from './notifications.js';
import { v1SendsRouter } from './sends.js';
import { v1TopicsRouter } from './topics.js';
import { v1UsersRouter } from './users.js';

/**
 * `/api/v1`: the service API. Every request carries an API key, is rate-limited per key, then scoped per
 * route; only then does a route parse its JSON body (each sub-router mounts jsonBody after requireScope),
 * so a caller without a valid key gets 401 whatever the body, and nobody without one makes the server
 * parse it.
 */
export function v1Router(ctx: AppContext): Router {
  const router = Router();
  router.use(requireApiKey(ctx), apiKeyRateLimit(ctx));
  router.use('/notifications', v1NotificationsRouter(ctx));
  router.use('/sends', v1SendsRouter(ctx));
  router.use('/users', v1UsersRouter(ctx));
  router.use('/topics', v1TopicsRouter(ctx));
  router.use('/audit', requireScope('audit:read'), auditRouter(ctx));
  router.use(apiNotFound);
  return router;
}
