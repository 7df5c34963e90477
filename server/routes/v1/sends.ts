import { Router } from 'express';
import { sendIdParamsSchema } from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentApiKey, requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { cancelSend } from '../../services/sends/cancelSend.js';
import { getSend } from '../../services/sends/listSends.js';


/** `/api/v1/sends`: a service follows and cancels its own sends (another key's sends are 404). */
export function v1SendsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireScope('notifications:write'));

  router.get('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await getSend(ctx.db, id, { apiKeyId: currentApiKey(res).id }));
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await cancelSend(ctx.db, { sendId: id, actor: auditActor(req, res), apiKeyId: currentApiKey(res).id }));
  });

  return router;
}
