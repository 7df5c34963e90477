import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { listTopicSubscribers } from '../../services/topics/listTopicSubscribers.js';
import { topicPathSchema } from '../../../shared/schemas/directory.js';
import { topicsRouter } from '../topics.js';

/** Query of `GET /api/admin/topics/{key}/subscribers`: the cursor is a user id from the previous page. */
const subscribersQuerySchema = z.strictObject({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** `/api/admin/topics`: the topic routes services have, plus the subscriber list the admin page shows. */
export function adminTopicsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/:key/subscribers', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const query = parseInput(subscribersQuerySchema, req.query, 'query string');
    res.json(await listTopicSubscribers(ctx.db, key, query));
  });

  return router.use(topicsRouter(ctx));
}
