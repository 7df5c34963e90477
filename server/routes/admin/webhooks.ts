import { Router } from 'express';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import {
  createWebhookEndpointSchema,
  listWebhookMessagesQuerySchema,
  updateWebhookEndpointSchema,
  webhookMessageParamsSchema,
} from '../../../shared/schemas/webhooks.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { createWebhookEndpoint } from '../../services/webhooks/createWebhookEndpoint.js';
import { deleteWebhookEndpoint } from '../../services/webhooks/deleteWebhookEndpoint.js';
import { listWebhookEndpoints } from '../../services/webhooks/listWebhookEndpoints.js';
import { listWebhookMessages } from '../../services/webhooks/listWebhookMessages.js';
import { resendWebhookMessage } from '../../services/webhooks/resendWebhookMessage.js';
import { rotateWebhookSecret } from '../../services/webhooks/rotateWebhookSecret.js';
import { updateWebhookEndpoint } from '../../services/webhooks/updateWebhookEndpoint.js';

/**
 * `/api/admin/webhooks`: outgoing webhook endpoints (register, list, edit, turn off/on, delete, rotate the
 * secret) and each one's delivery log with "resend". The secret is in the answers of create and rotate only.
 */
export function adminWebhooksRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    res.json({ items: await listWebhookEndpoints(ctx.db) });
  });

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createWebhookEndpointSchema, req.body, 'request body');
    const created = await createWebhookEndpoint(ctx, { input, createdById: currentUserId(req), actor: auditActor(req, res) });
    // The secret is in this body only: keep it out of any shared cache.
    res.status(201).set('Cache-Control', 'no-store').json(created);
  });

  router.patch('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const changes = parseInput(updateWebhookEndpointSchema, req.body, 'request body');
    res.json(await updateWebhookEndpoint(ctx, { id, changes, actor: auditActor(req, res) }));
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    await deleteWebhookEndpoint(ctx.db, { id, actor: auditActor(req, res) });
    res.status(204).end();
  });

  router.post('/:id/rotate-secret', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.set('Cache-Control', 'no-store').json(await rotateWebhookSecret(ctx.db, { id, actor: auditActor(req, res) }));
  });

  router.get('/:id/messages', async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    const { limit } = parseInput(listWebhookMessagesQuerySchema, req.query, 'query string');
    res.json({ items: await listWebhookMessages(ctx.db, { endpointId: id, limit }) });
  });

  router.post('/:id/messages/:messageId/resend', noQuery, async (req, res) => {
    const { id, messageId } = parseInput(webhookMessageParamsSchema, req.params, 'path');
    res.json(await resendWebhookMessage(ctx.db, { endpointId: id, messageId, actor: auditActor(req, res) }));
  });

  return router;
}
