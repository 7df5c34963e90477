import type { Tx } from '../../db/client.js';

/** A Preference row's key. */
interface PreferenceId {
  userId: string;
  category: string;
  channel: string;
}

/**
 * The `optedOutAt` to write with a preference change: now when `enabled` becomes false on a cell that was on
 * or unset (an opt-out, counted by the analytics rollup), nothing otherwise, so saving a cell that is
 * already off (a mail client POSTing an unsubscribe twice, a client sending the whole matrix back) is not a
 * second opt-out. Call it in the transaction that writes the row.
 *
 * @example
 * await tx.preference.upsert({ where, create: { ...id, enabled: false, ...stamp }, update: { enabled: false, ...stamp } });
 */
export async function optOutStamp(db: Pick<Tx, 'preference'>, id: PreferenceId, enabled: boolean | null | undefined): Promise<{ optedOutAt?: Date }> {
  if (enabled !== false) return {};
  const row = await db.preference.findUnique({ where: { userId_category_channel: id }, select: { enabled: true } });
  return row?.enabled === false ? {} : { optedOutAt: new Date() };
}
