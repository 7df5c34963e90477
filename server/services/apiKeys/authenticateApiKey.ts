import type { ApiKeyScope } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';
import { UnauthorizedError } from '../../errors.js';
import { hashApiKeySecret } from './apiKeySecrets.js';

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** Minimum time between two `lastUsedAt` writes of one key: a busy key must not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer secret to its key; a missing, unknown or revoked key is a 401. */
export async function authenticateApiKey(db: Db, secret: string | undefined): Promise<ApiKeyPrincipal> {
  if (!secret) throw UnauthorizedError('Send an API key: Authorization: Bearer <key>');
  const key = await db.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!key || key.revokedAt) throw UnauthorizedError('Invalid or revoked API key');
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Recorded without waiting: the request must not slow down (or fail) for bookkeeping.
    void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return { id: key.id, name: key.name, scopes: key.scopes.split(',').filter(Boolean) as ApiKeyScope[] };
}
