import type { TopicSubscriberPage } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { presentUser } from '../../presenters/directory.js';
import { findTopicId } from './topicQueries.js';

/**
 * One page of topic `key`'s subscribers, ordered by user id; the cursor is the last user id returned, so
 * pages neither skip nor repeat while people (un)subscribe. 404 for an unknown topic.
 */
export async function listTopicSubscribers(
  db: Db,
  key: string,
  { cursor, limit }: { cursor?: string; limit: number },
): Promise<TopicSubscriberPage> {
  const topicId = await findTopicId(db, key);
  const rows = await db.topicSubscription.findMany({
    where: { topicId, ...(cursor ? { userId: { gt: cursor } } : {}) },
    orderBy: { userId: 'asc' },
    take: limit + 1,
    include: { user: true },
  });
  const items = rows.slice(0, limit).map((row) => presentUser(row.user));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
