import { actionUrlSchema } from '../../../shared/schemas/actionUrl.js';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { verifyReadToken, type ReadClaim } from './readToken.js';

/**
 * The claim of a genuine, unexpired read token, or a 400 naming `token`. Expired and tampered tokens get
 * the same answer: the page can only offer the inbox either way.
 */
export function requireReadClaim(signingSecret: string, token: string): ReadClaim {
  const claim = verifyReadToken(signingSecret, token);
  if (!claim) {
    throw new HttpError(400, 'invalid_token', 'The link is invalid or has expired', [{ path: 'token', message: 'Invalid or expired' }]);
  }
  return claim;
}

/** The token's notification (only ever its own user's), or a 404 when it was deleted since (soft-deleted too). */
export async function findLinkedNotification(db: Db, claim: ReadClaim) {
  const notification = await db.notification.findFirst({
    where: { id: claim.notificationId, userId: claim.userId, deletedAt: null },
    select: { title: true, category: true, actionUrl: true, readAt: true },
  });
  if (!notification) throw NotFoundError('notification');
  return notification;
}

/**
 * Where opening a notification may lead: its action URL when it still passes the shared rule (a row
 * stored before a stricter rule is re-checked rather than trusted), else null, meaning the inbox.
 */
export function linkTarget(actionUrl: string | null): string | null {
  return actionUrl !== null && actionUrlSchema.safeParse(actionUrl).success ? actionUrl : null;
}
