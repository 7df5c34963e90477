import type { Db, Dialect, Tx } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { searchNotificationHits, type SearchWindow } from './searchStatements.js';

/** Hits read per round: under SQLite's 999 bind parameters for the `id IN (…)` that follows. */
const SEARCH_BATCH = 200;

type NotificationRecord = Awaited<ReturnType<Db['notification']['findMany']>>[number];

/**
 * The rows of `where` (any inbox view's filters) whose text matches `terms`, newest first, at most `take`
 * (`Infinity`: all of them, for a bulk action). The full-text index finds the user's matches a batch at a
 * time; the ORM applies the view's filters to each batch, so every filter the lists know applies to a
 * search as well without being written twice.
 */
export async function findSearchedRows(
  db: Db | Tx,
  dialect: Dialect,
  userId: string,
  where: Prisma.NotificationWhereInput,
  terms: readonly string[],
  { beforeSeq, upToSeq, take }: SearchWindow,
): Promise<NotificationRecord[]> {
  const rows: NotificationRecord[] = [];
  let before = beforeSeq;
  while (rows.length < take) {
    const hits = await searchNotificationHits(db, dialect, userId, terms, { beforeSeq: before, upToSeq, take: SEARCH_BATCH });
    if (hits.length === 0) break;
    rows.push(
      ...(await db.notification.findMany({
        where: { AND: [where, { id: { in: hits.map((hit) => hit.id) } }] },
        orderBy: { seq: 'desc' },
      })),
    );
    if (hits.length < SEARCH_BATCH) break;
    before = hits[hits.length - 1]!.seq;
  }
  return rows.slice(0, take);
}
