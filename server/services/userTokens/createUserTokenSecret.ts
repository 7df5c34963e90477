import type { CreatedUserTokenSecret, CreateUserTokenSecretInput } from '../../../shared/schemas/userTokens.js';
import type { Db } from '../../db/client.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { generateUserTokenSecretId, generateUserTokenSecretValue, presentUserTokenSecret, USER_TOKEN_SECRET_SELECT } from './userTokenSecrets.js';

export interface CreateUserTokenSecretProps {
  input: CreateUserTokenSecretInput;
  /** The admin creating it; absent from the command line. */
  createdById?: string;
  actor: AuditActor;
}

/**
 * Creates a secret for host backends to sign user tokens with, and returns it: the only time an admin sees
 * it (it is kept in the database, in clear, because verifying an HMAC needs the key itself).
 *
 * @example
 * const { secret, userTokenSecret } = await createUserTokenSecret(db, { input: { name: 'Acme web app' }, actor });
 * // the host signs with `secret` and puts `userTokenSecret.id` in the JWT header's `kid`
 */
export async function createUserTokenSecret(db: Db, { input, createdById, actor }: CreateUserTokenSecretProps): Promise<CreatedUserTokenSecret> {
  const secret = generateUserTokenSecretValue();
  const row = await db.userTokenSecret.create({
    data: { id: generateUserTokenSecretId(), name: input.name, secret, createdById: createdById ?? null },
    select: USER_TOKEN_SECRET_SELECT,
  });
  // One insert, no transaction: the event follows it.
  await appendAuditEvent(db, actor, { action: 'user_token_secret.created', target: { type: 'user_token_secret', id: row.id }, after: { name: input.name } });
  return { userTokenSecret: presentUserTokenSecret(row), secret };
}
