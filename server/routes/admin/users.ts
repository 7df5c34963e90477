import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import { listUsersQuerySchema, setUserExternalIdSchema, updateUserRoleSchema } from '../../../shared/schemas/directory.js';
import { eraseUserSchema } from '../../../shared/schemas/gdpr.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { sameOriginOnly } from '../../middleware/originCheck.js';
import { parseInput } from '../../middleware/validate.js';
import { eraseUser } from '../../services/gdpr/eraseUser.js';
import { openUserExport } from '../../services/gdpr/exportUserData.js';
import { listUsers } from '../../services/users/listUsers.js';
import { setUserExternalId } from '../../services/users/setUserExternalId.js';
import { updateUserRole } from '../../services/users/updateUserRole.js';
import { streamUserExport } from '../userExport.js';

/**
 * `/api/admin/users`: list and search users (also the composer's recipient picker), set their role (a change
 * disconnects that user's sockets), link them to a host app's external id, export everything about one (GDPR,
 * a JSON download) and erase one (GDPR: the email typed again in `confirmEmail`).
 */
export function adminUsersRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(listUsersQuerySchema, req.query, 'query string');
    res.json(await listUsers(ctx.db, ctx.dialect, query));
  });

  router.patch('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { role } = parseInput(updateUserRoleSchema, req.body, 'request body');
    res.json(await updateUserRole(ctx, { actor: auditActor(req, res), userId: id, role }));
  });

  router.put('/:id/external-id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { externalId } = parseInput(setUserExternalIdSchema, req.body, 'request body');
    res.json(await setUserExternalId(ctx, { userId: id, externalId, actor: auditActor(req, res) }));
  });

  router.get('/:id/export', noQuery, sameOriginOnly(ctx), async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    await streamUserExport(res, await openUserExport(ctx, { userId: id, actor: auditActor(req, res) }), { userId: id, log: ctx.log });
  });

  router.post('/:id/erase', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { confirmEmail } = parseInput(eraseUserSchema, req.body, 'request body');
    res.json(await eraseUser(ctx, { userId: id, actor: auditActor(req, res), confirmEmail }));
  });

  return router;
}
