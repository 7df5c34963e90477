import type { UnsubscribePayload } from '../../channels/unsubscribeLink.js';
import type { Db } from '../../db/client.js';
import { toCategoryPolicy } from './loadPreferences.js';
import type { CategoryPolicy } from '../../preferences/effectivePreference.js';

/**
 * Whether a verified link can change anything, with the category for the page and the user's language
 * (`locale`, absent when the user is gone: the page then speaks the browser's).
 */
export type UnsubscribeTarget =
  | { result: 'ok'; label: string; locale: string; category: CategoryPolicy }
  | { result: 'critical' | 'gone'; label: string; locale?: string };

/**
 * Looks up the user and category a verified unsubscribe link names. A valid signature can outlive its
 * user or category (`gone`); critical categories cannot be unsubscribed (`critical`).
 *
 * @example
 * const target = await findUnsubscribeTarget(ctx.db, payload); // { result: 'ok', label: 'Billing', … }
 */
export async function findUnsubscribeTarget(db: Db, payload: UnsubscribePayload): Promise<UnsubscribeTarget> {
  const [user, category] = await Promise.all([
    db.user.findUnique({ where: { id: payload.userId }, select: { locale: true } }),
    db.category.findUnique({ where: { key: payload.category } }),
  ]);
  const label = category?.label ?? payload.category;
  if (!user || !category) return { result: 'gone', label, ...(user && { locale: user.locale }) };
  if (category.critical) return { result: 'critical', label, locale: user.locale };
  return { result: 'ok', label, locale: user.locale, category: toCategoryPolicy(category) };
}
