import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { jsonBody, SERVICE_API_BODY_LIMIT } from '../../middleware/jsonBody.js';
import { requireScope } from '../../middleware/requireApiKey.js';
import { topicsRouter } from '../topics.js';

/**
 * `/api/v1/topics`: audiences services send to with `{ "topic": key }`. Managing who receives
 * notifications is part of sending, hence the `notifications:write` scope.
 */
export function v1TopicsRouter(ctx: AppContext): Router {
  return Router().use(requireScope('notifications:write'), jsonBody(SERVICE_API_BODY_LIMIT), topicsRouter(ctx));
}
