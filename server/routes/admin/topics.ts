import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { listTopicSubscribers } from '../../services/topics/listTopicSubscribers.js';
import { listTopicSubscribersQuerySchema, topicPathSchema } from '../../../shared/schemas/directory.js';
import { topicsRouter } from '../topics.js';

/** `/api/admin/topics`: the topic routes services have, plus the subscriber list the admin page shows. */
export function adminTopicsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/:key/subscribers', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const query = parseInput(listTopicSubscribersQuerySchema, req.query, 'query string');
    res.json(await listTopicSubscribers(ctx.db, key, query));
  });

  return router.use(topicsRouter(ctx));
}
