import type { Db } from '../../db/client.js';
import { ForbiddenError, UnauthorizedError } from '../../errors.js';
import { hashApiKeySecret } from './apiKeySecrets.js';

export interface ApiKeyPrincipal {
  id: string;
  scopes: string[];
}

/**
 * Resolves a bearer secret to its key; a missing, unknown or revoked key is a 401, a key without the
 * needed scope a 403.
 */
export async function authenticateApiKey(
  db: Db,
  secret: string | undefined,
  requiredScope: string,
): Promise<ApiKeyPrincipal> {
  if (!secret) throw UnauthorizedError('Send an API key: Authorization: Bearer <key>');
  const key = await db.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!key || key.revokedAt) throw UnauthorizedError('Invalid or revoked API key');
  const scopes = key.scopes.split(',').filter(Boolean);
  if (!scopes.includes(requiredScope)) throw ForbiddenError(`This API key lacks the ${requiredScope} scope`);
  // Recorded without waiting: the request must not slow down (or fail) for bookkeeping.
  void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { id: key.id, scopes };
}
