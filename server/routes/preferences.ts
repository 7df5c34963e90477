import { Router } from 'express';
import { updateContactSchema, updatePreferencesSchema } from '../../shared/schemas/preferences.js';
import type { AppContext } from '../context.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../middleware/jsonBody.js';
import { noQuery } from '../middleware/noQuery.js';
import { requireInboxUser } from '../middleware/requireInboxUser.js';
import { currentUserId } from '../middleware/requireUser.js';
import { parseInput } from '../middleware/validate.js';
import { getPreferences } from '../services/preferences/getPreferences.js';
import { updateContact } from '../services/preferences/updateContact.js';
import { updatePreferences } from '../services/preferences/updatePreferences.js';
import { followBrowserLocale } from '../services/users/followBrowserLocale.js';

/** `/api/preferences`: the signed-in user's own preferences and contact points. */
export function preferencesRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireInboxUser(ctx), jsonBody(WEB_APP_BODY_LIMIT));

  router.get('/', noQuery, async (req, res) => {
    res.json(await getPreferences(ctx, currentUserId(req)));
  });

  router.patch('/', noQuery, async (req, res) => {
    const input = parseInput(updatePreferencesSchema, req.body, 'request body');
    const preferences = await updatePreferences(ctx, currentUserId(req), input);
    // Handing the language back to the browser takes this request's at once (emails sent before the next app start included).
    if (input.locale === null) await followBrowserLocale(ctx.db, currentUserId(req), req.acceptsLanguages());
    res.json(preferences);
  });

  router.patch('/contact', noQuery, async (req, res) => {
    const input = parseInput(updateContactSchema, req.body, 'request body');
    res.json(await updateContact(ctx, currentUserId(req), input, { consentSource: 'preferences page' }));
  });

  return router;
}
