import type { AuthConfig, DemoAccount } from '../../../shared/schemas/auth.js';
import type { Role } from '../../../shared/types.js';
import type { AppContext } from '../../context.js';
import { findOpenDemoAccounts } from './findOpenDemoAccounts.js';
import { DEMO_PASSWORD } from './seedDemoData.js';

/**
 * The demo accounts the sign-in page may advertise, or null when it must not advertise any: demo seeding
 * is off (`SEED_DEMO=false`, or `NODE_ENV=production`, where config.seedDemo is always false) or no demo
 * account still has the published password (none was seeded because the database had users, they were
 * removed, or each was given a password of its own). Reads the accounts' current name and role, so a
 * demoted demo admin is not offered as "Admin".
 *
 * @example
 * const body: AuthConfig = { demoAccounts: await listDemoAccounts(ctx) };
 */
export async function listDemoAccounts(ctx: Pick<AppContext, 'config' | 'db'>): Promise<AuthConfig['demoAccounts']> {
  if (!ctx.config.seedDemo) return null;
  const open = await findOpenDemoAccounts(ctx.db);
  if (open.length === 0) return null;
  return open.map((row): DemoAccount => ({ email: row.email, name: row.name, role: row.role as Role, password: DEMO_PASSWORD }));
}
