import type { CreateApiKeyInput, CreatedApiKey } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { presentApiKey } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './apiKeySecrets.js';

export interface CreateApiKeyProps {
  input: CreateApiKeyInput;
  /** The admin creating it; absent when created from the command line. */
  createdById?: string;
  /** Who the audit log names (SYSTEM_ACTOR from the command line). */
  actor: AuditActor;
}

/**
 * Creates an API key and returns its secret. This is the only time the secret exists in clear: only its
 * hash is stored, so it cannot be shown again (a lost key is revoked and replaced).
 *
 * @example
 * const { secret } = await createApiKey(db, { input: { name: 'Billing', scopes: ['notifications:write'] }, actor: SYSTEM_ACTOR });
 */
export async function createApiKey(db: Db, { input, createdById, actor }: CreateApiKeyProps): Promise<CreatedApiKey> {
  const secret = generateApiKeySecret();
  const row = await db.apiKey.create({
    data: {
      name: input.name,
      prefix: apiKeyPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      scopes: [...new Set(input.scopes)].join(','),
      createdById: createdById ?? null,
    },
    include: { createdBy: { select: { name: true } } },
  });
  const apiKey = presentApiKey(row);
  // One insert, no transaction: the event follows it.
  await appendAuditEvent(db, actor, {
    action: 'api_key.created',
    target: { type: 'api_key', id: row.id },
    after: { name: apiKey.name, prefix: apiKey.prefix, scopes: apiKey.scopes },
  });
  return { apiKey, secret };
}
