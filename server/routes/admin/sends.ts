import { Router } from 'express';
import { createNotificationSchema } from '../../../shared/schemas/notification.js';
import {
  listSendRecipientsQuerySchema,
  listSendsQuerySchema,
  previewRecipientsSchema,
  sendIdParamsSchema,
  type RecipientPreview,
} from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { resolveRecipients } from '../../services/notifications/resolveRecipients.js';
import { cancelSend } from '../../services/sends/cancelSend.js';
import { createSend } from '../../services/sends/createSend.js';
import { listSendRecipients } from '../../services/sends/listSendRecipients.js';
import { getSend, listSends } from '../../services/sends/listSends.js';

/** `/api/admin/sends`: the composer and the sent history. */
export function adminSendsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listSends(ctx.db, parseInput(listSendsQuerySchema, req.query, 'query string')));
  });

  router.post('/preview', async (req, res) => {
    const { to } = parseInput(previewRecipientsSchema, req.body, 'request body');
    const body: RecipientPreview = { recipientCount: (await resolveRecipients(ctx.db, to)).length };
    res.json(body);
  });

  router.post('/', async (req, res) => {
    const input = parseInput(createNotificationSchema, req.body, 'request body');
    res.status(202).json(await createSend(ctx, { input, sender: { userId: currentUserId(req) }, onScheduled: ctx.scheduler.wake }));
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await getSend(ctx.db, id));
  });

  router.get('/:id/recipients', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    const { cursor } = parseInput(listSendRecipientsQuerySchema, req.query, 'query string');
    res.json(await listSendRecipients(ctx.db, id, cursor));
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await cancelSend(ctx.db, id));
  });

  return router;
}
