import type { Role } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';
import { appendAuditEvent, SYSTEM_ACTOR } from '../audit/appendAuditEvent.js';
import { isUniqueViolation } from '../uniqueViolation.js';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
}

/** The email is taken: nothing was created or changed. */
export class UserExistsError extends Error {
  override readonly name = 'UserExistsError';
  constructor(readonly email: string) {
    super(`A user with the email ${email} already exists`);
  }
}

/**
 * Creates a user who can sign in once they set a password (no password yet: sign-in fails until then).
 * Emails are stored lower-case, as everywhere (lookups compare lower-case). Both dialects: the unique
 * email constraint decides a race, never a count-then-insert. The command line's service (`npm run user:create`):
 * the audit log names the system as the actor.
 *
 * @throws UserExistsError when the email is taken
 * @example
 * const user = await createUser(db, { email: 'ops@example.com', name: 'Ops', role: 'admin' });
 */
export async function createUser(db: Db, input: CreateUserInput) {
  const email = input.email.toLowerCase();
  let user;
  try {
    user = await db.user.create({ data: { email, name: input.name, role: input.role }, select: { id: true, email: true, name: true, role: true } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new UserExistsError(email);
    throw err;
  }
  // One insert, no transaction: the event follows it.
  await appendAuditEvent(db, SYSTEM_ACTOR, { action: 'user.created', target: { type: 'user', id: user.id }, after: { role: user.role } });
  return user;
}
