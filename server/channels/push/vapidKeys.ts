import webpush from 'web-push';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../services/uniqueViolation.js';
import type { ChannelDeps } from '../createChannels.js';

/** The application server's VAPID key pair (URL-safe base64, as browsers and web-push expect). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const PUBLIC_KEY = 'vapid.publicKey';
const PRIVATE_KEY = 'vapid.privateKey';

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

/**
 * Reads the stored pair; if there is none, stores a new one unless another node won the race, then
 * re-reads. `generate` is a seam for tests (it can play the node that stores its pair first).
 *
 * @example
 * const keys = await loadOrCreateVapidKeys(db);
 */
export async function loadOrCreateVapidKeys(
  db: Db,
  generate: () => VapidKeys | Promise<VapidKeys> = webpush.generateVAPIDKeys,
): Promise<VapidKeys> {
  const stored = await readStored(db);
  if (stored) return stored;
  const generated = await generate();
  try {
    // Both rows in one transaction: a reader sees both keys or neither, never half a pair.
    await db.$transaction([
      db.appSetting.create({ data: { key: PUBLIC_KEY, value: generated.publicKey } }),
      db.appSetting.create({ data: { key: PRIVATE_KEY, value: generated.privateKey } }),
    ]);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const winner = await readStored(db);
  if (!winner) throw new Error('VAPID keys were neither found nor stored');
  return winner;
}

async function readStored(db: Db): Promise<VapidKeys | null> {
  const rows = await db.appSetting.findMany({ where: { key: { in: [PUBLIC_KEY, PRIVATE_KEY] } } });
  const publicKey = rows.find((row) => row.key === PUBLIC_KEY)?.value;
  const privateKey = rows.find((row) => row.key === PRIVATE_KEY)?.value;
  return publicKey && privateKey ? { publicKey, privateKey } : null;
}
