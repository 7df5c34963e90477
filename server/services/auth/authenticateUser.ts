import type { LoginInput, SessionUser } from '../../../shared/schemas/auth.js';
import type { Role } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';
import { InvalidCredentialsError } from '../../errors.js';
import { getDecoyHash, verifyPassword } from './passwords.js';

/** Checks an email + password; the same 401 for an unknown email and a wrong password. */
export async function authenticateUser(db: Db, { email, password }: LoginInput): Promise<SessionUser> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user?.passwordHash || !ok) throw InvalidCredentialsError();
  return toSessionUser(user);
}

/** The user fields the client may see about the signed-in user (`locale` only when they chose it). */
export function toSessionUser(user: { id: string; email: string; name: string; role: string; locale: string; localeChosen: boolean }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, locale: user.localeChosen ? user.locale : null };
}
