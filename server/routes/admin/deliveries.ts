import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import { listDeliveriesQuerySchema } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { parseInput } from '../../middleware/validate.js';
import { listDeliveries } from '../../services/deliveries/listDeliveries.js';
import { retryDelivery } from '../../services/deliveries/retryDelivery.js';

/** `/api/admin/deliveries`: the external deliveries with their attempts, and retry of dead-lettered ones. */
export function adminDeliveriesRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listDeliveries(ctx.db, parseInput(listDeliveriesQuerySchema, req.query, 'query string')));
  });

  router.post('/:id/retry', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await retryDelivery(ctx, { id, actor: auditActor(req, res) }));
  });

  return router;
}
