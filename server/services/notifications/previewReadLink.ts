import type { EmailActionPreview } from '../../../shared/schemas/emailActions.js';
import type { AppContext } from '../../context.js';
import { findLinkedNotification, linkTarget, requireReadClaim } from './readLink.js';

/**
 * What an email's open link points at, for the `/open/<token>` page to show. Reads only: a link scanner
 * may call this as often as it likes without marking anything read or stopping an escalation.
 *
 * @throws HttpError 400 `invalid_token` (tampered, malformed or expired), 404 when the notification is gone
 * @example
 * res.json(await previewReadLink(ctx, req.params.token));
 */
export async function previewReadLink(ctx: AppContext, token: string): Promise<EmailActionPreview> {
  const claim = requireReadClaim(ctx.signingSecret, token);
  const notification = await findLinkedNotification(ctx.db, claim);
  return {
    userId: claim.userId,
    notification: {
      title: notification.title,
      category: notification.category,
      url: linkTarget(notification.actionUrl),
      read: notification.readAt !== null,
    },
  };
}
