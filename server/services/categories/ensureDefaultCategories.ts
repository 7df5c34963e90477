import type { Db } from '../../db/client.js';
import { insertUnlessExists } from '../uniqueViolation.js';

/** Always present: sends without a category land here. */
const GENERAL = { key: 'general', label: 'General', description: 'Everything without a more specific category' };

/** Shown in the demo (embedded mode) so the composer and filters have something to offer. */
export const DEMO_CATEGORIES = [
  { key: 'billing', label: 'Billing', description: 'Invoices, payments and plan changes', defaultChannels: 'in_app,email' },
  { key: 'deploys', label: 'Deploys', description: 'Builds and releases' },
  { key: 'product', label: 'Product updates', description: 'New features and announcements' },
  {
    key: 'security',
    label: 'Security',
    description: 'Sign-ins, password changes and other account security events',
    critical: true,
    defaultChannels: 'in_app,email,sms,push',
  },
];

type NewCategory = { key: string; label: string; description?: string; critical?: boolean; defaultChannels?: string };

/**
 * Creates the categories that do not exist yet; existing ones (maybe edited by an admin) are left alone.
 * Safe when several nodes run it at once: a lost race on the key is "already there".
 */
export async function createMissingCategories(db: Db, categories: NewCategory[]): Promise<void> {
  const existing = await db.category.findMany({ where: { key: { in: categories.map((c) => c.key) } }, select: { key: true } });
  const present = new Set(existing.map((c) => c.key));
  for (const category of categories) {
    if (!present.has(category.key)) await insertUnlessExists(() => db.category.create({ data: category }));
  }
}

/** Creates the `general` category when missing (every start, on every node; sends default to it). */
export async function ensureDefaultCategories(db: Db): Promise<void> {
  await createMissingCategories(db, [GENERAL]);
}
