import type { TopicSubscribersInput, TopicSubscribersResult } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';
import { resolveSubscribers } from './resolveSubscribers.js';
import { chunked, findTopicId } from './topicQueries.js';

/**
 * Subscribes users to topic `key`; users already subscribed are left alone, so `changed` counts only new
 * subscriptions. Existing rows are read first and only the missing ones inserted (`skipDuplicates` is not
 * available on SQLite); a concurrent subscribe of the same user makes the insert fail on the primary key,
 * and the retry then sees that row.
 *
 * @example
 * await subscribeToTopic(db, 'release-notes', { subscribers: [{ externalId: 'crm-42' }] });
 */
export async function subscribeToTopic(db: Db, key: string, input: TopicSubscribersInput): Promise<TopicSubscribersResult> {
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const topicId = await findTopicId(tx, key);
      const userIds = await resolveSubscribers(tx, input.subscribers);
      let changed = 0;
      for (const chunk of chunked(userIds)) {
        const existing = await tx.topicSubscription.findMany({ where: { topicId, userId: { in: chunk } }, select: { userId: true } });
        const subscribed = new Set(existing.map((row) => row.userId));
        const fresh = chunk.filter((userId) => !subscribed.has(userId));
        if (fresh.length > 0) changed += (await tx.topicSubscription.createMany({ data: fresh.map((userId) => ({ topicId, userId })) })).count;
      }
      const subscriberCount = await tx.topicSubscription.count({ where: { topicId } });
      return { topic: key, changed, subscriberCount };
    }),
  );
}
