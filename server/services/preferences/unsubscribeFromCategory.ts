import type { UnsubscribePayload } from '../../channels/unsubscribeLink.js';
import type { AppContext } from '../../context.js';
import { publishPreferences } from './getPreferences.js';
import { findUnsubscribeTarget } from './findUnsubscribeTarget.js';
import { optOutStamp } from './optOutStamp.js';

/** What an unsubscribe link did: `unsubscribed`, `critical` (nothing changed) or `gone` (no such user or category). */
export interface UnsubscribeOutcome {
  result: 'unsubscribed' | 'critical' | 'gone';
  /** The category's label, for the page. */
  label: string;
  /** The user's language, for the page (absent when the user is gone). */
  locale?: string;
}

/**
 * Turns email off for one category for the user of a verified one-click unsubscribe link: an explicit
 * `Preference { enabled: false }` row, idempotent since mail clients may POST twice. Critical categories
 * stay as they are (their emails go wherever the user has an address), and the page says so.
 *
 * @example
 * const { result, label } = await unsubscribeFromCategory(ctx, verifyUnsubscribeToken(token, ctx.signingSecret));
 */
export async function unsubscribeFromCategory(ctx: AppContext, payload: UnsubscribePayload): Promise<UnsubscribeOutcome> {
  const target = await findUnsubscribeTarget(ctx.db, payload);
  if (target.result !== 'ok') return target;
  const id = { userId: payload.userId, category: payload.category, channel: payload.channel };
  // Only `enabled` changes: a digest mode chosen earlier is kept for when the user turns email back on.
  await ctx.db.$transaction(async (tx) => {
    const stamp = await optOutStamp(tx, id, false);
    await tx.preference.upsert({ where: { userId_category_channel: id }, create: { ...id, enabled: false, ...stamp }, update: { enabled: false, ...stamp } });
  });
  ctx.log.info(id, 'unsubscribed by email link');
  await publishPreferences(ctx, payload.userId);
  return { result: 'unsubscribed', label: target.label, locale: target.locale };
}
