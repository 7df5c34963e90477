import type { EmailActionReadResult } from '../../../shared/schemas/emailActions.js';
import type { AppContext } from '../../context.js';
import { findLinkedNotification, linkTarget, requireReadClaim } from './readLink.js';
import { updateNotification } from './updateNotification.js';

/**
 * The person opened a notification from an email link: marks it read (which cancels its pending
 * escalation steps and tells every tab) and says where to go. Called only by a POST from the `/open`
 * page, never by the link's GET, so mail scanners that fetch every link change nothing. The signed token
 * is the whole authorization (no session, no CSRF token: it allows this one change and nothing else).
 *
 * @throws HttpError 400 `invalid_token`, 404 when the notification is gone
 * @example
 * const { url } = await readFromLink(ctx, body.token);
 */
export async function readFromLink(ctx: AppContext, token: string): Promise<EmailActionReadResult> {
  const claim = requireReadClaim(ctx.signingSecret, token);
  const notification = await findLinkedNotification(ctx.db, claim);
  await updateNotification(ctx, { userId: claim.userId, notificationId: claim.notificationId, changes: { read: true } });
  return { url: linkTarget(notification.actionUrl) };
}
