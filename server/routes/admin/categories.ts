import { Router } from 'express';
import { z } from 'zod';
import { createCategorySchema, updateCategorySchema } from '../../../shared/schemas/directory.js';
import { categoryKeySchema } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { parseInput } from '../../middleware/validate.js';
import { createCategory } from '../../services/categories/createCategory.js';
import { listCategories } from '../../services/categories/listCategories.js';
import { updateCategory } from '../../services/categories/updateCategory.js';

const keyParamsSchema = z.strictObject({ key: categoryKeySchema });

/** `/api/admin/categories`: the kinds of notification, their criticality and default channels. */
export function adminCategoriesRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    res.json(await listCategories(ctx.db));
  });

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createCategorySchema, req.body, 'request body');
    const created = await createCategory(ctx, { input, actor: auditActor(req, res) });
    res.status(201).json(created);
  });

  router.patch('/:key', noQuery, async (req, res) => {
    const { key } = parseInput(keyParamsSchema, req.params, 'path');
    const changes = parseInput(updateCategorySchema, req.body, 'request body');
    const updated = await updateCategory(ctx, { key, changes, actor: auditActor(req, res) });
    res.json(updated);
  });

  return router;
}
