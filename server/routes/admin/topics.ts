import { Router } from 'express';
import { z } from 'zod';
import { createTopicSchema, topicSubscribersSchema } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { createTopic } from '../../services/topics/createTopic.js';
import { listTopicSubscribers } from '../../services/topics/listTopicSubscribers.js';
import { listTopics } from '../../services/topics/listTopics.js';
import { subscribeToTopic } from '../../services/topics/subscribeToTopic.js';
import { unsubscribeFromTopic } from '../../services/topics/unsubscribeFromTopic.js';
import { topicPathSchema } from '../v1/topics.js';

/** Query of `GET /api/admin/topics/{key}/subscribers`: the cursor is a user id from the previous page. */
const subscribersQuerySchema = z.strictObject({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** `/api/admin/topics`: the admin topics page, on the same services as the v1 API. */
export function adminTopicsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await listTopics(ctx.db));
  });

  router.post('/', async (req, res) => {
    const input = parseInput(createTopicSchema, req.body, 'request body');
    res.status(201).json(await createTopic(ctx.db, input));
  });

  router.get('/:key/subscribers', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const query = parseInput(subscribersQuerySchema, req.query, 'query string');
    res.json(await listTopicSubscribers(ctx.db, key, query));
  });

  router.post('/:key/subscribers', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const input = parseInput(topicSubscribersSchema, req.body, 'request body');
    res.json(await subscribeToTopic(ctx.db, key, input));
  });

  router.delete('/:key/subscribers', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const input = parseInput(topicSubscribersSchema, req.body, 'request body');
    res.json(await unsubscribeFromTopic(ctx.db, key, input));
  });

  return router;
}
