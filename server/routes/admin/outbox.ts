import { Router } from 'express';
import { listOutboxQuerySchema } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { listOutboxMessages } from '../../services/deliveries/listOutboxMessages.js';

/** `/api/admin/outbox`: email and SMS the dev outbox captured because no provider is configured. */
export function adminOutboxRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listOutboxMessages(ctx.db, parseInput(listOutboxQuerySchema, req.query, 'query string')));
  });

  return router;
}
