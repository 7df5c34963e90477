import { Router } from 'express';
import { upsertUserSchema, userPathSchema } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { getUserByExternalId } from '../../services/users/getUserByExternalId.js';
import { upsertUserByExternalId } from '../../services/users/upsertUserByExternalId.js';

/** `/api/v1/users`: services register the people they notify, under their own ids. */
export function v1UsersRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireScope('users:write'));

  router.put('/:externalId', async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const input = parseInput(upsertUserSchema, req.body, 'request body');
    const { user, created } = await upsertUserByExternalId(ctx.db, externalId, input);
    res.status(created ? 201 : 200).json(user);
  });

  router.get('/:externalId', async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    res.json(await getUserByExternalId(ctx.db, externalId));
  });

  return router;
}
