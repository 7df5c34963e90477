import type { AppContext } from '../../context.js';
import { absoluteActionUrl } from '../../channels/links.js';
import { HttpError } from '../../errors.js';
import { verifyReadToken } from '../notifications/readToken.js';
import { takeAction } from '../notifications/takeAction.js';

/**
 * A button of a push message was clicked (the service worker's `notificationclick` with `event.action`):
 * records the action through the inbox's takeAction (read, escalation cancelled, every tab told). The
 * signed token of the payload stands in for the session and CSRF token the service worker does not have.
 *
 * @returns where a `url` action leads, absolute (null for `acknowledge`)
 * @throws HttpError 400 `invalid_token`; takeAction's 404 `not_found` / `unknown_action`, 409 `already_acted`
 * @example
 * const { url } = await actFromPush(ctx, body.token, body.actionId);
 */
export async function actFromPush(ctx: AppContext, token: string, actionId: string): Promise<{ url: string | null }> {
  const claim = verifyReadToken(ctx.signingSecret, token);
  if (!claim) throw new HttpError(400, 'invalid_token', 'The read token is invalid or expired', [{ path: 'token', message: 'Invalid or expired' }]);
  const { url } = await takeAction(ctx, { userId: claim.userId, notificationId: claim.notificationId, actionId });
  return { url: absoluteActionUrl(url, ctx.publicUrl) };
}
