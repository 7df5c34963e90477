import { Router } from 'express';
import { z } from 'zod';
import { createTopicSchema, topicSubscribersSchema } from '../../../shared/schemas/directory.js';
import { topicKeySchema } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { createTopic } from '../../services/topics/createTopic.js';
import { getTopic } from '../../services/topics/getTopic.js';
import { listTopics } from '../../services/topics/listTopics.js';
import { subscribeToTopic } from '../../services/topics/subscribeToTopic.js';
import { unsubscribeFromTopic } from '../../services/topics/unsubscribeFromTopic.js';

/** Path parameters of `/api/v1/topics/{key}…` (also used by the admin routes). */
export const topicPathSchema = z.strictObject({ key: topicKeySchema });

/**
 * `/api/v1/topics`: audiences services send to with `{ "topic": key }`. Managing who receives
 * notifications is part of sending, hence the `notifications:write` scope.
 */
export function v1TopicsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireScope('notifications:write'));

  router.post('/', async (req, res) => {
    const input = parseInput(createTopicSchema, req.body, 'request body');
    res.status(201).json(await createTopic(ctx.db, input));
  });

  router.get('/', async (_req, res) => {
    res.json(await listTopics(ctx.db));
  });

  router.get('/:key', async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    res.json(await getTopic(ctx.db, key));
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
