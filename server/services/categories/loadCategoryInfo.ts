import type { Db } from '../../db/client.js';

/** What a message's wording depends on about its category. */
export interface CategoryInfo {
  /** The admin's label (Admin → Categories); the key when the category has no row. */
  label: string;
  /**
   * A critical category is locked: people cannot turn its email or SMS off, so no message of it may
   * offer an opt-out (no List-Unsubscribe header, no unsubscribe link, no "Reply STOP").
   */
  locked: boolean;
}

/**
 * The category's label and whether it is locked, read at send time (an admin may have changed either
 * since the notification was created).
 *
 * @example
 * const { label, locked } = await loadCategoryInfo(deps.db, 'security'); // { label: 'Security', locked: true }
 */
export async function loadCategoryInfo(db: Db, key: string): Promise<CategoryInfo> {
  const row = await db.category.findUnique({ where: { key }, select: { label: true, critical: true } });
  return { label: row?.label ?? key, locked: row?.critical ?? false };
}
