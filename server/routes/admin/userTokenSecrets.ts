import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import { createUserTokenSecretSchema, rotateUserTokenSecretSchema } from '../../../shared/schemas/userTokens.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { createUserTokenSecret } from '../../services/userTokens/createUserTokenSecret.js';
import { listUserTokenSecrets } from '../../services/userTokens/listUserTokenSecrets.js';
import { revokeUserTokenSecret } from '../../services/userTokens/revokeUserTokenSecret.js';
import { rotateUserTokenSecret } from '../../services/userTokens/rotateUserTokenSecret.js';

/** `/api/admin/user-token-secrets`: the secrets host backends sign user tokens with: list, create, rotate, revoke. */
export function adminUserTokenSecretsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    res.json(await listUserTokenSecrets(ctx));
  });

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createUserTokenSecretSchema, req.body, 'request body');
    const created = await createUserTokenSecret(ctx.db, { input, createdById: currentUserId(req), actor: auditActor(req, res) });
    // The secret is in this body only: keep it out of any shared cache.
    res.status(201).set('Cache-Control', 'no-store').json(created);
  });

  router.post('/:id/rotate', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const input = parseInput(rotateUserTokenSecretSchema, req.body ?? {}, 'request body');
    const rotated = await rotateUserTokenSecret(ctx, { id, input, createdById: currentUserId(req), actor: auditActor(req, res) });
    res.status(201).set('Cache-Control', 'no-store').json(rotated);
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await revokeUserTokenSecret(ctx, { id, actor: auditActor(req, res) }));
  });

  return router;
}
