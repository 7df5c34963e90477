import type { Db } from '../../db/client.js';

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

/** Creates the `general` category when missing (every start; sends default to it). */
export async function ensureDefaultCategories(db: Db): Promise<void> {
  await db.category.upsert({ where: { key: GENERAL.key }, update: {}, create: GENERAL });
}
