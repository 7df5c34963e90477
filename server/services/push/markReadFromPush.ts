import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { updateNotification } from '../notifications/updateNotification.js';
import { verifyReadToken } from '../notifications/readToken.js';

/**
 * Marks a notification read from a click on its push message. The signed token stands in for the
 * session and CSRF token the service worker does not have; the inbox service then tells every tab.
 *
 * @example
 * await markReadFromPush(ctx, body.token);
 */
export async function markReadFromPush(ctx: AppContext, token: string): Promise<void> {
  const claim = verifyReadToken(ctx.signingSecret, token);
  if (!claim) {
    throw new HttpError(400, 'invalid_token', 'The read token is invalid or expired', [
      { path: 'token', message: 'Invalid or expired' },
    ]);
  }
  await updateNotification(ctx, { userId: claim.userId, notificationId: claim.notificationId, changes: { read: true } });
}
