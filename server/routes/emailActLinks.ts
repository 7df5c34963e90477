import { Router, type Response } from 'express';
import { z } from 'zod';
import { actionIdSchema } from '../../shared/schemas/actions.js';
import { readTokenSchema } from '../../shared/schemas/emailActions.js';
import { inboxUrl } from '../channels/links.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { describeActionLink } from '../services/notifications/describeActionLink.js';
import { takeAction } from '../services/notifications/takeAction.js';
import { browserLocale } from '../i18n/browserLocale.js';
import { translator } from '../i18n/catalogs.js';
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
    if (!params.success) return sendPage(res, 400, invalidLink(ctx, browserLocale(req)));
    try {
      const view = await describeActionLink(ctx, params.data.token, params.data.actionId);
      if (view.takenLabel !== null) return sendPage(res, 200, answered(ctx, view.locale, view.title, view.takenLabel));
      const { t } = translator(view.locale);
      sendPage(res, 200, {
        lang: view.locale,
        title: t('emailAction.confirm.title', { label: view.label }),
        message: t('emailAction.confirm.message', { title: view.title, label: view.label }),
        formButton: view.label,
        // Relative: the same URL, under any host or proxy path. No fields: the path says everything.
        formAction: encodeURIComponent(params.data.actionId),
        appUrl: inboxUrl(ctx.publicUrl),
      });
    } catch (err) {
      sendError(ctx, res, err, browserLocale(req));
    }
  });

  router.post('/:token/:actionId', async (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    if (!params.success) return sendPage(res, 400, invalidLink(ctx, browserLocale(req)));
    let locale = browserLocale(req);
    try {
      const view = await describeActionLink(ctx, params.data.token, params.data.actionId);
      locale = view.locale;
      const { notification } = await takeAction(ctx, { userId: view.claim.userId, notificationId: view.claim.notificationId, actionId: params.data.actionId });
      const label = notification.actions.find((a) => a.id === notification.actedActionId)?.label ?? view.label;
      sendPage(res, 200, answered(ctx, view.locale, view.title, label));
    } catch (err) {
      sendError(ctx, res, err, locale);
    }
  });

  return router;
}

function answered(ctx: AppContext, locale: string, title: string, label: string): PageContent {
  const { t } = translator(locale);
  return { lang: locale, title: t('emailAction.answered.title', { label }), message: t('emailAction.answered.message', { title, label }), appUrl: inboxUrl(ctx.publicUrl) };
}

function invalidLink(ctx: AppContext, locale: string): PageContent {
  const { t } = translator(locale);
  return { lang: locale, title: t('emailAction.invalid.title'), message: t('emailAction.invalid.message'), appUrl: inboxUrl(ctx.publicUrl) };
}

/**
 * Known refusals become pages with their status, in `locale` (the recipient's once the link was read, else
 * the browser's); anything else goes to the error handler (a 500).
 */
function sendError(ctx: AppContext, res: Response, err: unknown, locale: string): void {
  if (!(err instanceof HttpError)) throw err;
  if (err.code === 'invalid_token') return sendPage(res, 400, invalidLink(ctx, locale));
  const { t } = translator(locale);
  const message = t(err.code === 'already_acted' ? 'emailAction.alreadyActed' : err.status === 404 ? 'emailAction.gone' : 'emailAction.refused');
  sendPage(res, err.status, { lang: locale, title: t('emailAction.nothingToAnswer'), message, appUrl: inboxUrl(ctx.publicUrl) });
}

function sendPage(res: Response, status: number, content: PageContent): void {
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', Vary: 'Accept-Language' }).type('html').send(renderPage(content));
}
