import type { TopicSubscribersInput, TopicSubscribersResult } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';
import { resolveSubscribers } from './resolveSubscribers.js';
import { chunked, findTopicId } from './topicQueries.js';

/**
 * Subscribes users to topic `key`; users already subscribed are left alone, so `changed` counts only new
 * subscriptions. Existing rows are read first and only the missing ones inserted (`skipDuplicates` is not
 * available on SQLite); a concurrent subscribe of the same user makes the insert fail on the primary key,
 * and the retry then sees that row. Audited in the same transaction when anything changed (`topic.subscribed`,
 * with the ids of the users subscribed).
 *
 * @example
 * await subscribeToTopic(db, { key: 'release-notes', input: { subscribers: [{ externalId: 'crm-42' }] }, actor });
 */
export async function subscribeToTopic(
  db: Db,
  { key, input, actor }: { key: string; input: TopicSubscribersInput; actor: AuditActor },
): Promise<TopicSubscribersResult> {
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const topicId = await findTopicId(tx, key);
      const userIds = await resolveSubscribers(tx, input.subscribers);
      const added: string[] = [];
      for (const chunk of chunked(userIds)) {
        const existing = await tx.topicSubscription.findMany({ where: { topicId, userId: { in: chunk } }, select: { userId: true } });
        const subscribed = new Set(existing.map((row) => row.userId));
        const fresh = chunk.filter((userId) => !subscribed.has(userId));
        if (fresh.length > 0) await tx.topicSubscription.createMany({ data: fresh.map((userId) => ({ topicId, userId })) });
        added.push(...fresh);
      }
      const changed = added.length;
      if (changed > 0) await appendAuditEvent(tx, actor, { action: 'topic.subscribed', target: { type: 'topic', id: key }, after: { userIds: added } });
      const subscriberCount = await tx.topicSubscription.count({ where: { topicId } });
      return { topic: key, changed, subscriberCount };
    }),
  );
}
