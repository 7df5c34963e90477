import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { verifyPassword } from './passwords.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seedDemoData.js';

/** A demo account whose password is still the published DEMO_PASSWORD. */
export interface OpenDemoAccount {
  email: string;
  name: string;
  role: string;
}

/**
 * Verdicts per stored hash. A hash is salted, so it stands for exactly one password: a password change
 * gives a new hash (and a new verdict), and the same hash never needs a second argon2 run. That keeps the
 * public sign-in config (`GET /api/auth/config`) from being an argon2 workload per request. Tiny: three
 * demo accounts, one entry per password they ever had while this process ran.
 */
const verdicts = new Map<string, Promise<boolean>>();
const MAX_VERDICTS = 64;

function hasPublishedPassword(passwordHash: string): Promise<boolean> {
  let verdict = verdicts.get(passwordHash);
  if (!verdict) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = verifyPassword(passwordHash, DEMO_PASSWORD).catch((err: unknown) => {
      // Busy (503) is no verdict: ask again next time. A hash argon2 cannot parse is not the published password.
      if (err instanceof HttpError) {
        verdicts.delete(passwordHash);
        throw err;
      }
      return false;
    });
    verdicts.set(passwordHash, verdict);
  }
  return verdict;
}

/**
 * The demo accounts (DEMO_USERS, in that order) that exist and still sign in with the published password
 * `flashnotify`: whoever reaches the server can use them. Checked with argon2 against each stored hash,
 * whatever SEED_DEMO says now: a database a development run seeded keeps them until their passwords are
 * changed or they are deleted.
 *
 * @example
 * const open = await findOpenDemoAccounts(ctx.db); // [{ email: 'admin@example.com', name: 'Ada Admin', role: 'admin' }]
 */
export async function findOpenDemoAccounts(db: Db): Promise<OpenDemoAccount[]> {
  const emails: string[] = DEMO_USERS.map((user) => user.email);
  const rows = await db.user.findMany({
    where: { email: { in: emails } },
    select: { email: true, name: true, role: true, passwordHash: true },
  });
  const open = await Promise.all(rows.map(async (row) => (row.passwordHash ? hasPublishedPassword(row.passwordHash) : false)));
  return rows
    .filter((_, i) => open[i])
    .sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email))
    .map(({ email, name, role }) => ({ email, name, role }));
}
