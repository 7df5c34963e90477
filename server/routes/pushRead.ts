import { Router } from 'express';
import { pushReadSchema } from '../../shared/schemas/delivery.js';
import type { AppContext } from '../context.js';
import { noQuery } from '../middleware/noQuery.js';
import { parseInput } from '../middleware/validate.js';
import { pushActSchema } from '../../shared/schemas/actions.js';
import { actFromPush } from '../services/push/actFromPush.js';
import { getPushDetails } from '../services/push/getPushDetails.js';
import { markReadFromPush } from '../services/push/markReadFromPush.js';

/**
 * `/api/push-actions`: what the service worker calls about a push message (mark it read after a click,
 * fetch its content after a minimal payload). No session and no CSRF token exist there, so each request
 * carries the signed token from the push payload instead (in the body, not the URL, so no log keeps it).
 */
export function pushReadRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/read', noQuery, async (req, res) => {
    const { token } = parseInput(pushReadSchema, req.body, 'request body');
    await markReadFromPush(ctx, token);
    res.status(204).end();
  });

  router.post('/details', noQuery, async (req, res) => {
    const { token } = parseInput(pushReadSchema, req.body, 'request body');
    res.json(await getPushDetails(ctx, token));
  });

  // A button of the push message (issue 11): records the action; a `url` action's answer says where to go.
  router.post('/act', noQuery, async (req, res) => {
    const { token, actionId } = parseInput(pushActSchema, req.body, 'request body');
    res.json(await actFromPush(ctx, token, actionId));
  });

  return router;
}
