import type { Priority } from '../../../shared/types.js';
import { pushDetails, type PushDetails } from '../../channels/push/pushPayload.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { verifyReadToken } from '../notifications/readToken.js';
import { parseActions } from '../sends/sendSpec.js';

/**
 * The notification a push message was about, for the service worker after a push service refused the
 * full payload (413) and it received the minimal one. The signed token from that payload stands in for
 * the session (it names one notification of one user); reading changes nothing.
 *
 * @throws HttpError 400 `invalid_token` for a tampered or expired token, 404 when the notification is gone.
 * @example
 * res.json(await getPushDetails(ctx, body.token));
 */
export async function getPushDetails(ctx: Pick<AppContext, 'db' | 'signingSecret' | 'publicUrl'>, token: string): Promise<PushDetails> {
  const claim = verifyReadToken(ctx.signingSecret, token);
  if (!claim) {
    throw new HttpError(400, 'invalid_token', 'The read token is invalid or expired', [{ path: 'token', message: 'Invalid or expired' }]);
  }
  const row = await ctx.db.notification.findFirst({
    where: { id: claim.notificationId, userId: claim.userId, deletedAt: null },
    select: { id: true, title: true, body: true, actionUrl: true, category: true, priority: true, icon: true, actions: true },
  });
  if (!row) throw NotFoundError('notification');
  return pushDetails({ ...row, priority: row.priority as Priority, actions: parseActions(row.actions) }, ctx.publicUrl);
}
