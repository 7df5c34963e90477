import type { Db } from '../../db/client.js';
import { loadOrCreateVapidKeys, type VapidKeys } from '../../services/push/loadOrCreateVapidKeys.js';
import type { ChannelDeps } from '../createChannels.js';

// One lookup per database handle: every send and every `GET /vapid-public-key` needs the keys, and they
// never change once stored (a new pair would orphan every existing subscription).
const cache = new WeakMap<Db, Promise<VapidKeys>>();

/**
 * The VAPID keys: `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY` when set, else a pair generated on first use and
 * stored in AppSetting, so every node and every restart signs with the same key.
 *
 * @example
 * const { publicKey } = await resolveVapidKeys(ctx);
 */
export function resolveVapidKeys(deps: Pick<ChannelDeps, 'config' | 'db'>): Promise<VapidKeys> {
  const { publicKey, privateKey } = deps.config.vapid;
  if (publicKey && privateKey) return Promise.resolve({ publicKey, privateKey });
  let keys = cache.get(deps.db);
  if (!keys) {
    keys = loadOrCreateVapidKeys(deps.db);
    cache.set(deps.db, keys);
    // A failed lookup (database briefly down) must not stick: the next caller tries again.
    keys.catch(() => cache.delete(deps.db));
  }
  return keys;
}
