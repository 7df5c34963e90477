import webpush from 'web-push';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../uniqueViolation.js';

/** The application server's VAPID key pair (URL-safe base64, as browsers and web-push expect). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const PUBLIC_KEY = 'vapid.publicKey';
const PRIVATE_KEY = 'vapid.privateKey';

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
