import type { ApiKeyScope } from '../../../shared/types.js';
import type { AppContext } from '../../context.js';
import { UnauthorizedError } from '../../errors.js';
import { InvalidatedCache } from '../../invalidation/invalidatedCache.js';
import { hashApiKeySecret } from './apiKeySecrets.js';

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** A key as cached: revoked ones too, so a revoked key in use costs no query either. */
interface CachedApiKey extends ApiKeyPrincipal {
  revoked: boolean;
  /** Epoch ms of the last `lastUsedAt` write (or the stored value), to space those writes out. */
  lastUsedAt: number | undefined;
}

/** Minimum time between two `lastUsedAt` writes of one key: a busy key must not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Far more keys than any install has; each entry is a few hundred bytes. */
const MAX_CACHED_KEYS = 10_000;

/**
 * Resolves bearer secrets to their keys; a missing, unknown or revoked key is a 401. Keys are cached in
 * memory by secret hash (an unknown secret is not: a key created later needs no invalidation), so a busy
 * key costs no query per request. A revocation publishes `apiKey` with the key's id on the invalidation
 * bus (revokeApiKey), which drops it on every node at once; see InvalidatedCache for outages.
 *
 * @example
 * const authenticate = createApiKeyAuthenticator(ctx);
 * const principal = await authenticate(secret); // { id, name, scopes }
 */
export function createApiKeyAuthenticator(ctx: Pick<AppContext, 'db' | 'invalidation'>): (secret: string | undefined) => Promise<ApiKeyPrincipal> {
  const { db } = ctx;
  const keys = new InvalidatedCache<CachedApiKey>(ctx.invalidation, { topic: 'apiKey', max: MAX_CACHED_KEYS, invalidationKey: (key) => key.id });
  const load = async (secretHash: string): Promise<CachedApiKey | undefined> => {
    const row = await db.apiKey.findUnique({
      where: { secretHash },
      select: { id: true, name: true, scopes: true, revokedAt: true, lastUsedAt: true },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      scopes: row.scopes.split(',').filter(Boolean) as ApiKeyScope[],
      revoked: row.revokedAt !== null,
      lastUsedAt: row.lastUsedAt?.getTime(),
    };
  };

  return async (secret) => {
    if (!secret) throw UnauthorizedError('Send an API key: Authorization: Bearer <key>');
    const secretHash = hashApiKeySecret(secret);
    const key = await keys.get(secretHash, () => load(secretHash));
    if (!key || key.revoked) throw UnauthorizedError('Invalid or revoked API key');
    const now = Date.now();
    if (key.lastUsedAt === undefined || now - key.lastUsedAt > LAST_USED_RESOLUTION_MS) {
      key.lastUsedAt = now;
      // Recorded without waiting: the request must not slow down (or fail) for bookkeeping.
      void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
    }
    return { id: key.id, name: key.name, scopes: key.scopes };
  };
}
