import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import { createApiKeySchema } from '../../../shared/schemas/directory.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { createApiKey } from '../../services/apiKeys/createApiKey.js';
import { listApiKeys } from '../../services/apiKeys/listApiKeys.js';
import { revokeApiKey } from '../../services/apiKeys/revokeApiKey.js';

/** `/api/admin/api-keys`: list, create (secret shown once) and revoke service keys. */
export function adminApiKeysRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    res.json(await listApiKeys(ctx.db));
  });

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createApiKeySchema, req.body, 'request body');
    const created = await createApiKey(ctx.db, { input, createdById: currentUserId(req), actor: auditActor(req, res) });
    // The secret is in this body only: keep it out of any shared cache.
    res.status(201).set('Cache-Control', 'no-store').json(created);
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await revokeApiKey(ctx, { id, actor: auditActor(req, res) }));
  });

  return router;
}
