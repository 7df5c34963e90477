import type { TopicSubscribersInput, TopicSubscribersResult } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { resolveSubscribers } from './resolveSubscribers.js';
import { chunked, findTopicId } from './topicQueries.js';

/**
 * Unsubscribes users from topic `key`; users who were not subscribed are a no-op, so `changed` counts only
 * removed subscriptions. Unknown users are still a 422: a typo must not look like success.
 *
 * @example
 * await unsubscribeFromTopic(db, 'release-notes', { subscribers: [{ userId }] });
 */
export async function unsubscribeFromTopic(db: Db, key: string, input: TopicSubscribersInput): Promise<TopicSubscribersResult> {
  return db.$transaction(async (tx) => {
    const topicId = await findTopicId(tx, key);
    const userIds = await resolveSubscribers(tx, input.subscribers);
    let changed = 0;
    for (const chunk of chunked(userIds)) {
      changed += (await tx.topicSubscription.deleteMany({ where: { topicId, userId: { in: chunk } } })).count;
    }
    const subscriberCount = await tx.topicSubscription.count({ where: { topicId } });
    return { topic: key, changed, subscriberCount };
  });
}
