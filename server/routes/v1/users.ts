import { Router } from 'express';
import { upsertUserSchema, userPathSchema } from '../../../shared/schemas/directory.js';
import { updateContactSchema, updatePreferencesSchema } from '../../../shared/schemas/preferences.js';
import type { AppContext } from '../../context.js';
import { jsonBody, SERVICE_API_BODY_LIMIT } from '../../middleware/jsonBody.js';
import { auditActor } from '../../middleware/auditActor.js';
import { noQuery } from '../../middleware/noQuery.js';
import { requireScope } from '../../middleware/requireApiKey.js';
import { parseInput } from '../../middleware/validate.js';
import { eraseUser } from '../../services/gdpr/eraseUser.js';
import { openUserExport } from '../../services/gdpr/exportUserData.js';
import { getPreferences } from '../../services/preferences/getPreferences.js';
import { updateContact } from '../../services/preferences/updateContact.js';
import { updatePreferences } from '../../services/preferences/updatePreferences.js';
import { getUserByExternalId } from '../../services/users/getUserByExternalId.js';
import { getUserIdByExternalId } from '../../services/users/getUserIdByExternalId.js';
import { upsertUserByExternalId } from '../../services/users/upsertUserByExternalId.js';
import { streamUserExport } from '../userExport.js';

/**
 * `/api/v1/users`: services register the people they notify, under their own ids, and export or erase
 * everything about one of them (GDPR; an admin account is erased by an admin, not by a key).
 */
export function v1UsersRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireScope('users:write'), jsonBody(SERVICE_API_BODY_LIMIT));

  router.put('/:externalId', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const input = parseInput(upsertUserSchema, req.body, 'request body');
    const { user, created } = await upsertUserByExternalId(ctx.db, { externalId, input, actor: auditActor(req, res), outbound: ctx.config.outbound });
    res.status(created ? 201 : 200).json(user);
  });

  router.get('/:externalId', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    res.json(await getUserByExternalId(ctx.db, externalId));
  });

  router.delete('/:externalId', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const userId = await getUserIdByExternalId(ctx.db, externalId);
    res.json(await eraseUser(ctx, { userId, actor: auditActor(req, res), refuseAdmins: true }));
  });

  router.get('/:externalId/export', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const userId = await getUserIdByExternalId(ctx.db, externalId);
    await streamUserExport(res, await openUserExport(ctx, { userId, actor: auditActor(req, res), refuseAdmins: true }), { userId, log: ctx.log });
  });

  router.get('/:externalId/preferences', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    res.json(await getPreferences(ctx, await getUserIdByExternalId(ctx.db, externalId)));
  });

  // PUT, though partial like the web app's PATCH: what is left out stays, as the shared schema documents.
  router.put('/:externalId/preferences', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const input = parseInput(updatePreferencesSchema, req.body, 'request body');
    res.json(await updatePreferences(ctx, await getUserIdByExternalId(ctx.db, externalId), input, { actor: auditActor(req, res) }));
  });

  router.patch('/:externalId/contact', noQuery, async (req, res) => {
    const { externalId } = parseInput(userPathSchema, req.params, 'path parameters');
    const input = parseInput(updateContactSchema, req.body, 'request body');
    res.json(await updateContact(ctx, await getUserIdByExternalId(ctx.db, externalId), input, { consentSource: 'api', actor: auditActor(req, res) }));
  });

  return router;
}
