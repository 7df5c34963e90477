import type { UnsubscribePayload } from '../../channels/unsubscribeLink.js';
import type { AppContext } from '../../context.js';
import { findUnsubscribeTarget } from './findUnsubscribeTarget.js';
import { publishPreferences } from './getPreferences.js';
import type { UnsubscribeOutcome } from './unsubscribeFromCategory.js';

/** What the undo did: `resubscribed`, or nothing for `critical` / `gone`. */
export interface ResubscribeOutcome {
  result: 'resubscribed' | Exclude<UnsubscribeOutcome['result'], 'unsubscribed'>;
  label: string;
  locale?: string;
}

/**
 * The undo of `unsubscribeFromCategory`, from the same signed link: email for the category is on again.
 * When the category sends email by default the cell goes back to "default" (the row is removed, or keeps
 * only its digest choice); otherwise it is set to enabled.
 *
 * @example
 * await resubscribeToCategory(ctx, verifyUnsubscribeToken(token, ctx.signingSecret));
 */
export async function resubscribeToCategory(ctx: AppContext, payload: UnsubscribePayload): Promise<ResubscribeOutcome> {
  const target = await findUnsubscribeTarget(ctx.db, payload);
  if (target.result !== 'ok') return target;
  const id = { userId: payload.userId, category: payload.category, channel: payload.channel };
  const row = await ctx.db.preference.findUnique({ where: { userId_category_channel: id } });
  if (target.category.defaultChannels.includes('email') && !row?.emailDigest) {
    await ctx.db.preference.deleteMany({ where: id });
  } else if (target.category.defaultChannels.includes('email')) {
    await ctx.db.preference.update({ where: { userId_category_channel: id }, data: { enabled: null } });
  } else {
    await ctx.db.preference.upsert({ where: { userId_category_channel: id }, create: { ...id, enabled: true }, update: { enabled: true } });
  }
  ctx.log.info(id, 'resubscribed by email link (undo)');
  await publishPreferences(ctx, payload.userId);
  return { result: 'resubscribed', label: target.label, locale: target.locale };
}
