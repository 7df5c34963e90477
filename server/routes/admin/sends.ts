import { Router } from 'express';
import {
  listSendRecipientsQuerySchema,
  listSendsQuerySchema,
  previewRecipientsSchema,
  sendIdParamsSchema,
  type RecipientPreview,
} from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { idempotencyScope } from '../../services/idempotency/runIdempotent.js';
import { countRecipients } from '../../services/notifications/countRecipients.js';
import { cancelSend } from '../../services/sends/cancelSend.js';
import { listSendRecipients } from '../../services/sends/listSendRecipients.js';
import { getSend, listSends } from '../../services/sends/listSends.js';
import { sendOnce } from '../sendOnce.js';

/** `/api/admin/sends`: the composer and the sent history. */
export function adminSendsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listSends(ctx.db, parseInput(listSendsQuerySchema, req.query, 'query string')));
  });

  router.post('/preview', noQuery, async (req, res) => {
    const { to } = parseInput(previewRecipientsSchema, req.body, 'request body');
    const body: RecipientPreview = { recipientCount: await countRecipients(ctx, to) };
    res.json(body);
  });

  // An Idempotency-Key (one per composed message) makes a double click or a retry send once, per admin.
  router.post('/', noQuery, async (req, res) => {
    const userId = currentUserId(req);
    await sendOnce(ctx, req, res, { scope: idempotencyScope.user(userId), sender: { userId } });
  });

  router.get('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await getSend(ctx.db, id));
  });

  router.get('/:id/recipients', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    const { cursor } = parseInput(listSendRecipientsQuerySchema, req.query, 'query string');
    res.json(await listSendRecipients(ctx.db, id, cursor));
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await cancelSend(ctx.db, { sendId: id, actor: auditActor(req, res) }));
  });

  return router;
}
