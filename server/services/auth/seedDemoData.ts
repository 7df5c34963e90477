import type { AppContext } from '../../context.js';
import { createMissingCategories, DEMO_CATEGORIES } from '../categories/ensureDefaultCategories.js';
import { insertUnlessExists } from '../uniqueViolation.js';
import { hashPassword } from './passwords.js';

/** The one password of every demo account (printed in the README and on first run). */
export const DEMO_PASSWORD = 'flashnotify';

/** The accounts seeded on first run of a non-production install. */
export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'alice@example.com', name: 'Alice Example', role: 'user' },
  { email: 'bob@example.com', name: 'Bob Example', role: 'user' },
] as const;

/**
 * Creates the demo accounts when the database has no users at all (first run of the embedded mode).
 * Never called when NODE_ENV=production (config.seedDemo is false there).
 *
 * Several nodes may find the table empty at once: the accounts go in with one multi-row INSERT (all or
 * none) on unique emails, so exactly one node inserts them and the others take the unique violation as
 * "seeded already". Only that node logs the accounts and returns true.
 */
export async function seedDemoData(ctx: AppContext): Promise<boolean> {
  if ((await ctx.db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await insertUnlessExists(() => ctx.db.user.createMany({ data: DEMO_USERS.map((user) => ({ ...user, passwordHash })) }));
  await createMissingCategories(ctx.db, DEMO_CATEGORIES);
  if (!seeded) return false;
  ctx.log.info(
    { accounts: DEMO_USERS.map((u) => u.email), password: DEMO_PASSWORD },
    `Seeded demo accounts (${DEMO_USERS.map((u) => u.email).join(', ')}), password "${DEMO_PASSWORD}"`,
  );
  return true;
}
