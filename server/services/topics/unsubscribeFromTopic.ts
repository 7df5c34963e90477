import type { TopicSubscribersInput, TopicSubscribersResult } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { resolveSubscribers } from './resolveSubscribers.js';
import { chunked, findTopicId } from './topicQueries.js';

/**
 * Unsubscribes users from topic `key`; users who were not subscribed are a no-op, so `changed` counts only
 * removed subscriptions. Unknown users are still a 422: a typo must not look like success. Audited in the same
 * transaction when anything changed (`topic.unsubscribed`, with the ids of the users unsubscribed).
 *
 * @example
 * await unsubscribeFromTopic(db, { key: 'release-notes', input: { subscribers: [{ userId }] }, actor });
 */
export async function unsubscribeFromTopic(
  db: Db,
  { key, input, actor }: { key: string; input: TopicSubscribersInput; actor: AuditActor },
): Promise<TopicSubscribersResult> {
  return db.$transaction(async (tx) => {
    const topicId = await findTopicId(tx, key);
    const userIds = await resolveSubscribers(tx, input.subscribers);
    const removed: string[] = [];
    let changed = 0;
    for (const chunk of chunked(userIds)) {
      const existing = await tx.topicSubscription.findMany({ where: { topicId, userId: { in: chunk } }, select: { userId: true } });
      const ids = existing.map((row) => row.userId);
      if (ids.length > 0) changed += (await tx.topicSubscription.deleteMany({ where: { topicId, userId: { in: ids } } })).count;
      removed.push(...ids);
    }
    if (changed > 0) await appendAuditEvent(tx, actor, { action: 'topic.unsubscribed', target: { type: 'topic', id: key }, after: { userIds: removed } });
    const subscriberCount = await tx.topicSubscription.count({ where: { topicId } });
    return { topic: key, changed, subscriberCount };
  });
}
