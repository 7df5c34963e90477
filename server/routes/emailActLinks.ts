import { Router, type Response } from 'express';
import { z } from 'zod';
import { actionIdSchema } from '../../shared/schemas/actions.js';
import { readTokenSchema } from '../../shared/schemas/emailActions.js';
import { inboxUrl } from '../channels/links.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { describeActionLink } from '../services/notifications/describeActionLink.js';
import { takeAction } from '../services/notifications/takeAction.js';
import { renderPage, type PageContent } from './unsubscribePages.js';

const paramsSchema = z.strictObject({ token: readTokenSchema, actionId: actionIdSchema });

/**
 * `/api/email-actions/act/:token/:actionId`: an email's "acknowledge" button (issue 11). Like the other
 * email links, the GET changes nothing (mail scanners fetch every link): it shows the notification and a
 * button whose POST (an empty form, to the same URL) records the answer through the inbox's own
 * takeAction — read, escalation cancelled, every tab told. Mounted outside the session and CSRF
 * middleware: the signed read token authorizes acting on that one notification of that one user.
 * Answers are small server-rendered pages (no scripts), errors included.
 */
export function emailActLinksRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/:token/:actionId', async (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    if (!params.success) return sendPage(res, 400, invalidLink(ctx));
    try {
      const view = await describeActionLink(ctx, params.data.token, params.data.actionId);
      if (view.takenLabel !== null) return sendPage(res, 200, answered(ctx, view.title, view.takenLabel));
      sendPage(res, 200, {
        title: `${view.label}?`,
        message: `“${view.title}”: answer “${view.label}”. The sender will see your answer.`,
        formButton: view.label,
        // Relative: the same URL, under any host or proxy path. No fields: the path says everything.
        formAction: encodeURIComponent(params.data.actionId),
        appUrl: inboxUrl(ctx.publicUrl),
      });
    } catch (err) {
      sendError(ctx, res, err);
    }
  });

  router.post('/:token/:actionId', async (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    if (!params.success) return sendPage(res, 400, invalidLink(ctx));
    try {
      const view = await describeActionLink(ctx, params.data.token, params.data.actionId);
      const { notification } = await takeAction(ctx, { userId: view.claim.userId, notificationId: view.claim.notificationId, actionId: params.data.actionId });
      const label = notification.actions.find((a) => a.id === notification.actedActionId)?.label ?? view.label;
      sendPage(res, 200, answered(ctx, view.title, label));
    } catch (err) {
      sendError(ctx, res, err);
    }
  });

  return router;
}

function answered(ctx: AppContext, title: string, label: string): PageContent {
  return { title: `Answered: ${label}`, message: `Your answer to “${title}” is “${label}”. It can’t be changed.`, appUrl: inboxUrl(ctx.publicUrl) };
}

function invalidLink(ctx: AppContext): PageContent {
  return { title: 'Invalid link', message: 'This link is not valid or has expired. Nothing was changed. Open the notification in the app instead.', appUrl: inboxUrl(ctx.publicUrl) };
}

/** Known refusals become pages with their status; anything else goes to the error handler (a 500). */
function sendError(ctx: AppContext, res: Response, err: unknown): void {
  if (!(err instanceof HttpError)) throw err;
  if (err.code === 'invalid_token') return sendPage(res, 400, invalidLink(ctx));
  const message = err.status === 404 ? 'This notification or its button no longer exists. Nothing was changed.' : `${err.message}. Nothing was changed.`;
  sendPage(res, err.status, { title: 'Nothing to answer', message, appUrl: inboxUrl(ctx.publicUrl) });
}

function sendPage(res: Response, status: number, content: PageContent): void {
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }).type('html').send(renderPage(content));
}
