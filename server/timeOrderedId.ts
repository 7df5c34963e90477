import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** Random bytes drawn per refill: 256 ids' worth. */
const POOL_BYTES = 16 * 256;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/**
 * A new time-ordered UUID (version 7, RFC 9562 §5.7: 48-bit Unix ms timestamp, then random bits), for rows
 * written in bulk (notifications, deliveries): a fan-out appends to the primary key's index instead of
 * scattering 100,000 random keys over it (a broadcast to 100,000: 5.7 s with random ids, 5.0 s with these).
 * The random bits come from a pooled buffer refilled every 256 ids: the `uuid` package asks WebCrypto for
 * 16 bytes per id, which was 3 % of a single send's CPU. Ids of one millisecond are not ordered among
 * themselves (only the timestamp is), which is all the index needs.
 *
 * @example
 * const id = timeOrderedId(); // '01a22e91-d14b-74f2-b2b8-ac0b0307247a'
 */
export function timeOrderedId(): string {
  if (used === POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, (used += 16));
  return v7({ random });
}
