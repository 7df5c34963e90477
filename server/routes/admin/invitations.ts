import { Router } from 'express';
import { createInvitationSchema } from '../../../shared/schemas/account.js';
import { idParamsSchema } from '../../../shared/schemas/cursors.js';
import type { AppContext } from '../../context.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { currentUserId } from '../../middleware/requireUser.js';
import { parseInput } from '../../middleware/validate.js';
import { createInvitation } from '../../services/invitations/createInvitation.js';
import { listInvitations } from '../../services/invitations/listInvitations.js';
import { resendInvitation } from '../../services/invitations/resendInvitation.js';
import { revokeInvitation } from '../../services/invitations/revokeInvitation.js';

/** `/api/admin/invitations`: invite people by email, list invitations, resend (new link) and revoke them. */
export function adminInvitationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', noQuery, async (_req, res) => {
    res.json(await listInvitations(ctx.db));
  });

  router.post('/', noQuery, async (req, res) => {
    const input = parseInput(createInvitationSchema, req.body, 'request body');
    res.status(201).json(await createInvitation(ctx, { input, invitedById: currentUserId(req), actor: auditActor(req, res) }));
  });

  router.post('/:id/resend', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await resendInvitation(ctx, { invitationId: id, actor: auditActor(req, res) }));
  });

  router.delete('/:id', noQuery, async (req, res) => {
    const { id } = parseInput(idParamsSchema, req.params, 'path');
    res.json(await revokeInvitation(ctx, { invitationId: id, actor: auditActor(req, res) }));
  });

  return router;
}
