import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import { listUsersQuerySchema, setUserExternalIdSchema, updateUserRoleSchema } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { listUsers } from '../../services/users/listUsers.js';
import { setUserExternalId } from '../../services/users/setUserExternalId.js';
import { updateUserRole } from '../../services/users/updateUserRole.js';

/** `/api/admin/users`: list and search users (also the composer's recipient picker) set their role (a change disconnects that user's sockets) and link them to a host app's external id. */
export function adminUsersRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(listUsersQuerySchema, req.query, 'query string');
    res.json(await listUsers(ctx.db, ctx.dialect, query));
  });

  router.patch('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { role } = parseInput(updateUserRoleSchema, req.body, 'request body');
    res.json(await updateUserRole(ctx, { actorId: currentUserId(req), userId: id, role }));
  });

  router.put('/:id/external-id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { externalId } = parseInput(setUserExternalIdSchema, req.body, 'request body');
    res.json(await setUserExternalId(ctx, { userId: id, externalId }));
  });

  return router;
}
