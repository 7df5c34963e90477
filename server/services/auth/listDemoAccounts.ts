import type { AuthConfig, DemoAccount } from '../../../shared/schemas/auth.js';
import type { Role } from '../../../shared/types.js';
import type { AppContext } from '../../context.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seedDemoData.js';

/**
 * The demo accounts the sign-in page may advertise, or null when it must not advertise any: demo seeding
 * is off (`SEED_DEMO=false`, or `NODE_ENV=production`, where config.seedDemo is always false) or none of
 * the seeded accounts exists (the database had users before seeding, or they were removed). Reads the
 * accounts' current name and role, so a demoted demo admin is not offered as "Admin".
 *
 * @example
 * const body: AuthConfig = { demoAccounts: await listDemoAccounts(ctx) };
 */
export async function listDemoAccounts(ctx: Pick<AppContext, 'config' | 'db'>): Promise<AuthConfig['demoAccounts']> {
  if (!ctx.config.seedDemo) return null;
  const emails = DEMO_USERS.map((user) => user.email);
  const rows = await ctx.db.user.findMany({
    where: { email: { in: emails } },
    select: { email: true, name: true, role: true },
  });
  if (rows.length === 0) return null;
  // In the README's order (admin first), not the database's.
  const order = (email: string) => emails.indexOf(email as (typeof emails)[number]);
  return rows
    .sort((a, b) => order(a.email) - order(b.email))
    .map((row): DemoAccount => ({ email: row.email, name: row.name, role: row.role as Role, password: DEMO_PASSWORD }));
}
