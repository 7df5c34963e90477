import { Router } from 'express';
import { z } from 'zod';
import { emailActionReadSchema, readTokenSchema } from '../../shared/schemas/emailActions.js';
import type { AppContext } from '../context.js';
import { noQuery } from '../middleware/noQuery.js';
import { parseInput } from '../middleware/validate.js';
import { previewReadLink } from '../services/notifications/previewReadLink.js';
import { readFromLink } from '../services/notifications/readFromLink.js';

const tokenParamsSchema = z.strictObject({ token: readTokenSchema });

/**
 * `/api/email-actions`: the "open" links in emails (notification button, digest items).
 *
 * A GET never changes anything: mail security scanners (Safe Links, Proofpoint) fetch every link of a
 * delivered email, with redirects and sometimes scripts. So the link's GET only redirects to the web app's
 * `/open/<token>` page; that page marks the notification read by POSTing the token — at once when the
 * signed-in user is the link's user, otherwise after a click on "Open" — and then goes to the action URL.
 * Mounted outside the session and CSRF middleware: the signed token authorizes exactly that one change.
 */
export function emailActionsRouter(ctx: AppContext): Router {
  const router = Router();

  // The link in the email. Relative Location: right behind any host or proxy path.
  router.get('/open/:token', (req, res) => {
    const params = tokenParamsSchema.safeParse(req.params);
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    res.redirect(303, params.success ? `/open/${encodeURIComponent(params.data.token)}` : '/');
  });

  router.get('/preview/:token', noQuery, async (req, res) => {
    const { token } = parseInput(tokenParamsSchema, req.params, 'path');
    res.set('Cache-Control', 'no-store').json(await previewReadLink(ctx, token));
  });

  router.post('/read', noQuery, async (req, res) => {
    const { token } = parseInput(emailActionReadSchema, req.body, 'request body');
    res.set('Cache-Control', 'no-store').json(await readFromLink(ctx, token));
  });

  return router;
}
