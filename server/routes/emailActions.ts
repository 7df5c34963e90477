import { Router } from 'express';
import type { AppContext } from '../context.js';
import { verifyReadToken } from '../services/notifications/readToken.js';
import { updateNotification } from '../services/notifications/updateNotification.js';

/**
 * `/api/email-actions`: links in emails. Opening a notification's link marks it read (which also
 * cancels its remaining escalation steps) and redirects to where the sender pointed. A mail client has no
 * session, so a signed token authorizes exactly this; a bad or expired token just opens the inbox.
 */
export function emailActionsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/open/:token', async (req, res) => {
    const claim = verifyReadToken(ctx.signingSecret, req.params.token ?? '');
    if (!claim) return res.redirect(303, '/');
    const notification = await ctx.db.notification.findFirst({
      where: { id: claim.notificationId, userId: claim.userId },
      select: { actionUrl: true },
    });
    if (!notification) return res.redirect(303, '/');
    await updateNotification(ctx, { userId: claim.userId, notificationId: claim.notificationId, changes: { read: true } });
    res.redirect(303, notification.actionUrl ?? '/');
  });

  return router;
}
