import { Router } from 'express';
import { createTopicSchema, topicPathSchema, topicSubscribersSchema } from '../../shared/schemas/directory.js';
import type { AppContext } from '../context.js';
import { auditActor } from '../middleware/auditActor.js';
import { noQuery } from '../middleware/noQuery.js';
import { parseInput } from '../middleware/validate.js';
import { createTopic } from '../services/topics/createTopic.js';
import { getTopic } from '../services/topics/getTopic.js';
import { listTopics } from '../services/topics/listTopics.js';
import { subscribeToTopic } from '../services/topics/subscribeToTopic.js';
import { unsubscribeFromTopic } from '../services/topics/unsubscribeFromTopic.js';

/**
 * The topic routes services (`/api/v1/topics`, API key) and admins (`/api/admin/topics`, session) share:
 * list, create, get, subscribe, unsubscribe. Each mount point adds its own authentication.
 */
export function topicsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createTopicSchema, req.body, 'request body');
    res.status(201).json(await createTopic(ctx.db, { input, actor: auditActor(req, res) }));
  });

  router.get('/', noQuery, async (_req, res) => {
    res.json(await listTopics(ctx.db));
  });

  router.get('/:key', noQuery, async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    res.json(await getTopic(ctx.db, key));
  });

  router.post('/:key/subscribers', noQuery, async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const input = parseInput(topicSubscribersSchema, req.body, 'request body');
    res.json(await subscribeToTopic(ctx.db, { key, input, actor: auditActor(req, res) }));
  });

  router.delete('/:key/subscribers', noQuery, async (req, res) => {
    const { key } = parseInput(topicPathSchema, req.params, 'path parameters');
    const input = parseInput(topicSubscribersSchema, req.body, 'request body');
    res.json(await unsubscribeFromTopic(ctx.db, { key, input, actor: auditActor(req, res) }));
  });

  return router;
}
