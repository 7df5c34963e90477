import { Router } from 'express';
import { z } from 'zod';
import { createNotificationSchema } from '../../../shared/schemas/notification.js';
import {
  idempotencyHeaderSchema,
  listSendsQuerySchema,
  previewRecipientsSchema,
  sendIdParamsSchema,
  type RecipientPreview,
} from '../../../shared/schemas/sends.js';
import type { AppContext } from '../../context.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { runIdempotent } from '../../services/idempotency/runIdempotent.js';
import { resolveRecipients } from '../../services/notifications/resolveRecipients.js';
import { cancelSend } from '../../services/sends/cancelSend.js';
import { createSend } from '../../services/sends/createSend.js';
import { listSendRecipients } from '../../services/sends/listSendRecipients.js';
import { getSend, listSends } from '../../services/sends/listSends.js';

const recipientsQuerySchema = z.strictObject({ cursor: z.string().max(64).optional() });

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

  // The composer sends one Idempotency-Key per composed message, so a double click or a retry after a
  // lost answer cannot send it twice. Keys are scoped per admin (the record's scope column holds
  // `admin:<userId>`, which no API key id can equal), exactly as /api/v1 scopes them per API key.
  router.post('/', async (req, res) => {
    const { 'Idempotency-Key': key } = parseInput(idempotencyHeaderSchema, { 'Idempotency-Key': req.get('Idempotency-Key') }, 'headers');
    const userId = currentUserId(req);
    const send = async () => {
      const input = parseInput(createNotificationSchema, req.body, 'request body');
      return { status: 202, body: await createSend(ctx, { input, sender: { userId }, onScheduled: ctx.scheduler.wake }) };
    };
    const result = key ? await runIdempotent(ctx.db, { apiKeyId: `admin:${userId}`, key, body: req.body }, send) : { ...(await send()), replayed: false };
    if (result.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await getSend(ctx.db, id));
  });

  router.get('/:id/recipients', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    const { cursor } = parseInput(recipientsQuerySchema, req.query, 'query string');
    res.json(await listSendRecipients(ctx.db, id, cursor));
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseInput(sendIdParamsSchema, req.params, 'path');
    res.json(await cancelSend(ctx.db, id));
  });

  return router;
}
