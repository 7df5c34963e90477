import { Router, type Response } from 'express';
import { z } from 'zod';
import { inboxUrl } from '../channels/links.js';
import { UnsubscribeTokenError, verifyUnsubscribeToken, type UnsubscribePayload } from '../channels/unsubscribeLink.js';
import type { AppContext } from '../context.js';
import { findUnsubscribeTarget } from '../services/preferences/findUnsubscribeTarget.js';
import { resubscribeToCategory } from '../services/preferences/resubscribeToCategory.js';
import { unsubscribeFromCategory } from '../services/preferences/unsubscribeFromCategory.js';
import { renderPage } from './unsubscribePages.js';

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
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, res, payload);
    const target = await findUnsubscribeTarget(ctx.db, payload);
    if (target.result === 'gone') return sendError(ctx, res, new UnsubscribeTokenError('invalid'));
    if (target.result === 'critical') return sendPage(res, 200, criticalPage(ctx, target.label));
    sendPage(res, 200, {
      title: `Unsubscribe from ${target.label} emails`,
      message: `You will stop receiving ${target.label} emails. Notifications still appear in your inbox.`,
      formButton: 'Unsubscribe',
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  // RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, but it is not required, since the token
  // is what authorizes the change and multipart bodies (which RFC 8058 prefers) are not parsed here.
  router.post('/:token', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, res, payload);
    const { result, label } = await unsubscribeFromCategory(ctx, payload);
    if (result === 'gone') return sendError(ctx, res, new UnsubscribeTokenError('invalid'));
    if (result === 'critical') return sendPage(res, 200, criticalPage(ctx, label));
    sendPage(res, 200, {
      title: 'You are unsubscribed',
      message: `You will no longer receive ${label} emails. Notifications still appear in your inbox, and you can turn these emails back on in your notification settings.`,
      formButton: 'Undo',
      // Relative to this page's URL (`…/unsubscribe/<token>`), so it works under any host or proxy path.
      formAction: `${String(req.params.token)}/undo`,
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  // The undo button of the page above: the same signed token authorizes turning the emails back on.
  router.post('/:token/undo', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, res, payload);
    const { result, label } = await resubscribeToCategory(ctx, payload);
    if (result === 'gone') return sendError(ctx, res, new UnsubscribeTokenError('invalid'));
    if (result === 'critical') return sendPage(res, 200, criticalPage(ctx, label));
    sendPage(res, 200, {
      title: 'You are subscribed again',
      message: `You will receive ${label} emails again.`,
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  return router;
}

/** Critical emails go wherever the user has an address, so a link cannot turn them off. */
function criticalPage(ctx: AppContext, label: string): Parameters<typeof renderPage>[0] {
  return {
    title: `${label} emails cannot be unsubscribed`,
    message: `${label} emails are critical alerts about your account, so they are always sent to your email address. Nothing was changed. They stop only if the email address is removed from your account.`,
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

function sendError(ctx: AppContext, res: Response, err: UnsubscribeTokenError): void {
  const message =
    err.reason === 'expired'
      ? 'This unsubscribe link has expired. Nothing was changed. Use the link in a more recent email, or change your notification settings in the app.'
      : 'This unsubscribe link is not valid. Nothing was changed. Use the link exactly as it appears in the email, or change your notification settings in the app.';
  sendPage(res, 400, {
    title: err.reason === 'expired' ? 'Link expired' : 'Invalid link',
    message,
    appUrl: inboxUrl(ctx.publicUrl),
  });
}

function sendPage(res: Response, status: number, content: Parameters<typeof renderPage>[0]): void {
  // The page reflects one person's link: never cache it, never index it.
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }).type('html').send(renderPage(content));
}
