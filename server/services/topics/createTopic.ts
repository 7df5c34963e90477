import type { CreateTopicInput, TopicDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { presentTopic } from '../../presenters/directory.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { isUniqueViolation } from '../uniqueViolation.js';
import { withSubscriberCount } from './topicQueries.js';

/**
 * Creates a topic; an existing key is a 409 `topic_exists` (decided by the unique index, so two
 * concurrent creates cannot both succeed).
 *
 * @example
 * await createTopic(db, { input: { key: 'release-notes', name: 'Release notes' }, actor });
 */
export async function createTopic(db: Db, { input, actor }: { input: CreateTopicInput; actor: AuditActor }): Promise<TopicDto> {
  try {
    const topic = presentTopic(await db.topic.create({ data: { key: input.key, name: input.name }, include: withSubscriberCount }));
    // One insert, no transaction: the event follows it.
    await appendAuditEvent(db, actor, { action: 'topic.created', target: { type: 'topic', id: topic.key }, after: { name: topic.name } });
    return topic;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new HttpError(409, 'topic_exists', `A topic with key "${input.key}" already exists`, [
      { path: 'key', message: 'Already used by another topic' },
    ]);
  }
}
