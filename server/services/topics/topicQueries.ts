import type { Db, Tx } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';

/** Prisma `include` that yields the `_count` presentTopic needs. */
export const withSubscriberCount = { _count: { select: { subscriptions: true } } } as const;

/**
 * Rows per `IN (…)` list or multi-row insert: Prisma refuses statements with more bind parameters than
 * SQLite allows (999), and requests may name up to 1000 users.
 */
export const ID_CHUNK = 300;

/** Splits `items` into slices of at most `size`. */
export function chunked<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The id of topic `key`; 404 when there is none. */
export async function findTopicId(db: Db | Tx, key: string): Promise<string> {
  const topic = await db.topic.findUnique({ where: { key }, select: { id: true } });
  if (!topic) throw NotFoundError('topic');
  return topic.id;
}
