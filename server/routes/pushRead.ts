import { Router } from 'express';
import { pushReadSchema } from '../../shared/schemas/delivery.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../middleware/validate.js';
import { markReadFromPush } from '../services/push/markReadFromPush.js';

/**
 * `/api/push-actions`: what the service worker calls after a click on a push message. No session and no
 * CSRF token exist there, so each request carries the signed token from the push payload instead.
 */
export function pushReadRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/read', async (req, res) => {
    const { token } = parseInput(pushReadSchema, req.body, 'request body');
    await markReadFromPush(ctx, token);
    res.status(204).end();
  });

  return router;
}
