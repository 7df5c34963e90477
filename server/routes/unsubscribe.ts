import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { inboxUrl } from '../channels/links.js';
import { UnsubscribeTokenError, verifyUnsubscribeToken, type UnsubscribePayload } from '../channels/unsubscribeLink.js';
import type { AppContext } from '../context.js';
import { findUnsubscribeTarget } from '../services/preferences/findUnsubscribeTarget.js';
import { resubscribeToCategory } from '../services/preferences/resubscribeToCategory.js';
import { unsubscribeFromCategory } from '../services/preferences/unsubscribeFromCategory.js';
import { browserLocale } from '../i18n/browserLocale.js';
import { translator } from '../i18n/catalogs.js';
import { renderPage, type PageContent } from './unsubscribePages.js';

const paramsSchema = z.strictObject({ token: z.string().min(1).max(1024) });

/**
 * `/api/unsubscribe/:token`, the List-Unsubscribe target. Mounted outside the session and CSRF middleware:
 * mail clients POST without cookies (RFC 8058), and the signed token is the authorization.
 * GET only shows a confirmation (link scanners prefetch GETs); POST unsubscribes; POST `/undo` reverts it.
 */
export function unsubscribeRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, req, res, payload);
    const target = await findUnsubscribeTarget(ctx.db, payload);
    if (target.result === 'gone') return sendError(ctx, req, res, new UnsubscribeTokenError('invalid'), target.locale);
    const { t, locale } = translator(target.locale);
    if (target.result === 'critical') return sendPage(res, 200, criticalPage(ctx, locale, target.label));
    sendPage(res, 200, {
      lang: locale,
      title: t('unsubscribe.confirm.title', { category: target.label }),
      message: t('unsubscribe.confirm.message', { category: target.label }),
      formButton: t('unsubscribe.confirm.button'),
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  // RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, but it is not required, since the token
  // is what authorizes the change and multipart bodies (which RFC 8058 prefers) are not parsed here.
  router.post('/:token', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, req, res, payload);
    const outcome = await unsubscribeFromCategory(ctx, payload);
    if (outcome.result === 'gone') return sendError(ctx, req, res, new UnsubscribeTokenError('invalid'), outcome.locale);
    const { t, locale } = translator(outcome.locale);
    if (outcome.result === 'critical') return sendPage(res, 200, criticalPage(ctx, locale, outcome.label));
    sendPage(res, 200, {
      lang: locale,
      title: t('unsubscribe.done.title'),
      message: t('unsubscribe.done.message', { category: outcome.label }),
      formButton: t('unsubscribe.done.undo'),
      // Relative to this page's URL (`…/unsubscribe/<token>`), so it works under any host or proxy path.
      formAction: `${String(req.params.token)}/undo`,
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  // The undo button of the page above: the same signed token authorizes turning the emails back on.
  router.post('/:token/undo', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, req, res, payload);
    const outcome = await resubscribeToCategory(ctx, payload);
    if (outcome.result === 'gone') return sendError(ctx, req, res, new UnsubscribeTokenError('invalid'), outcome.locale);
    const { t, locale } = translator(outcome.locale);
    if (outcome.result === 'critical') return sendPage(res, 200, criticalPage(ctx, locale, outcome.label));
    sendPage(res, 200, {
      lang: locale,
      title: t('unsubscribe.resubscribed.title'),
      message: t('unsubscribe.resubscribed.message', { category: outcome.label }),
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  return router;
}

/** Critical emails go wherever the user has an address, so a link cannot turn them off. */
function criticalPage(ctx: AppContext, locale: string, label: string): PageContent {
  const { t } = translator(locale);
  return {
    lang: locale,
    title: t('unsubscribe.critical.title', { category: label }),
    message: t('unsubscribe.critical.message', { category: label }),
    appUrl: inboxUrl(ctx.publicUrl),
  };
}

function verify(ctx: AppContext, params: unknown): UnsubscribePayload | UnsubscribeTokenError {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return new UnsubscribeTokenError('invalid');
  try {
    return verifyUnsubscribeToken(parsed.data.token, ctx.signingSecret);
  } catch (err) {
    if (err instanceof UnsubscribeTokenError) return err;
    throw err;
  }
}

/** A link that cannot change anything: in the user's language when known, else the browser's. */
function sendError(ctx: AppContext, req: Request, res: Response, err: UnsubscribeTokenError, userLocale?: string): void {
  const { t, locale } = translator(userLocale ?? browserLocale(req));
  const expired = err.reason === 'expired';
  sendPage(res, 400, {
    lang: locale,
    title: t(expired ? 'unsubscribe.expired.title' : 'unsubscribe.invalid.title'),
    message: t(expired ? 'unsubscribe.expired.message' : 'unsubscribe.invalid.message'),
    appUrl: inboxUrl(ctx.publicUrl),
  });
}

function sendPage(res: Response, status: number, content: PageContent): void {
  // The page reflects one person's link: never cache it, never index it; its language depends on the request.
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', Vary: 'Accept-Language' }).type('html').send(renderPage(content));
}
