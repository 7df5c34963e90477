import { Router } from 'express';
import { z } from 'zod';
import { listDeliveriesQuerySchema } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { listDeliveries } from '../../services/deliveries/listDeliveries.js';
import { retryDelivery } from '../../services/deliveries/retryDelivery.js';

const deliveryIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** `/api/admin/deliveries`: the external deliveries with their attempts, and retry of dead-lettered ones. */
export function adminDeliveriesRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listDeliveries(ctx.db, parseInput(listDeliveriesQuerySchema, req.query, 'query string')));
  });

  router.post('/:id/retry', async (req, res) => {
    const { id } = parseInput(deliveryIdParamsSchema, req.params, 'path');
    res.json(await retryDelivery(ctx, id));
  });

  return router;
}
