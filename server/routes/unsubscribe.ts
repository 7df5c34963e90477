import { Router, type Response } from 'express';
import { z } from 'zod';
import { inboxUrl } from '../channels/links.js';
import { UnsubscribeTokenError, verifyUnsubscribeToken, type UnsubscribePayload } from '../channels/unsubscribeLink.js';
import type { AppContext } from '../context.js';
import { unsubscribeFromCategory } from '../services/preferences/unsubscribeFromCategory.js';
import { renderPage } from './unsubscribePages.js';

const paramsSchema = z.strictObject({ token: z.string().min(1).max(1024) });

/**
 * `/api/unsubscribe/:token`, the List-Unsubscribe target. Mounted outside the session and CSRF middleware:
 * mail clients POST without cookies (RFC 8058), and the signed token is the authorization.
 * GET only shows a confirmation (link scanners prefetch GETs); POST unsubscribes.
 */
export function unsubscribeRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, res, payload);
    const label = await categoryLabel(ctx, payload.category);
    sendPage(res, 200, {
      title: `Unsubscribe from ${label} emails`,
      message: `You will stop receiving ${label} emails. Notifications still appear in your inbox.`,
      formButton: 'Unsubscribe',
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  // RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, but it is not required, since the token
  // is what authorizes the change and multipart bodies (which RFC 8058 prefers) are not parsed here.
  router.post('/:token', async (req, res) => {
    const payload = verify(ctx, req.params);
    if (payload instanceof UnsubscribeTokenError) return sendError(ctx, res, payload);
    await unsubscribeFromCategory(ctx, payload);
    const label = await categoryLabel(ctx, payload.category);
    sendPage(res, 200, {
      title: 'You are unsubscribed',
      message: `You will no longer receive ${label} emails. You can turn them back on in your notification settings.`,
      appUrl: inboxUrl(ctx.publicUrl),
    });
  });

  return router;
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

async function categoryLabel(ctx: AppContext, key: string): Promise<string> {
  const category = await ctx.db.category.findUnique({ where: { key }, select: { label: true } });
  return category?.label ?? key;
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
