import type { UnsubscribePayload } from '../../channels/unsubscribeLink.js';
import type { AppContext } from '../../context.js';

/**
 * Turns off one category on one channel for one user, from a verified one-click unsubscribe link.
 *
 * For now a documented no-op that returns the payload: the links, their signatures and the pages ship
 * with the email channel, while the Preference rows it will write arrive with the preferences issue.
 * That issue fills this function (upsert `Preference { userId, category, channel, enabled: false }`,
 * idempotent, since mail clients may POST twice); the route already calls it only after verification.
 *
 * @example
 * await unsubscribeFromCategory(ctx, verifyUnsubscribeToken(token, ctx.signingSecret));
 */
export async function unsubscribeFromCategory(
  ctx: Pick<AppContext, 'db' | 'log'>,
  payload: UnsubscribePayload,
): Promise<UnsubscribePayload> {
  ctx.log.info({ userId: payload.userId, category: payload.category, channel: payload.channel }, 'unsubscribe requested (preferences not built yet: nothing stored)');
  return payload;
}
