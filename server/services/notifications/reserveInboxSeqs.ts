import type { Dialect, Tx } from '../../db/client.js';
import { Prisma } from '../../generated/sqlite/client.js';

const CHUNK = 900;

/**
 * Takes the next inbox seq (and inbox version) of each user, inside the caller's transaction.
 *
 * The row lock on each user is held until commit, so two sends to the same user commit in seq order:
 * a client that holds seq N has every seq below N once N's transaction is visible. On PostgreSQL the rows
 * are locked in id order first, because an `UPDATE … WHERE id IN (…)` locks in no defined order and two
 * broadcasts could deadlock; SQLite has a single writer and needs no lock.
 */
export async function reserveInboxSeqs(
  tx: Tx,
  dialect: Dialect,
  userIds: string[],
): Promise<Map<string, { seq: number; version: number }>> {
  const reserved = new Map<string, { seq: number; version: number }>();
  const sorted = [...userIds].sort();
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const ids = Prisma.join(sorted.slice(i, i + CHUNK));
    if (dialect === 'postgres') {
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${ids}) ORDER BY "id" FOR UPDATE`;
    }
    const rows = await tx.$queryRaw<{ id: string; inboxSeq: number | bigint; stateVersion: number | bigint }[]>`
      UPDATE "User" SET "inboxSeq" = "inboxSeq" + 1, "stateVersion" = "stateVersion" + 1
      WHERE "id" IN (${ids}) RETURNING "id", "inboxSeq", "stateVersion"`;
    for (const row of rows) {
      reserved.set(row.id, { seq: Number(row.inboxSeq), version: Number(row.stateVersion) });
    }
  }
  return reserved;
}
