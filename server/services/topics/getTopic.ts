import type { TopicDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentTopic } from '../../presenters/directory.js';
import { withSubscriberCount } from './topicQueries.js';

/** Topic `key` with its subscriber count; 404 when there is none. */
export async function getTopic(db: Db, key: string): Promise<TopicDto> {
  const topic = await db.topic.findUnique({ where: { key }, include: withSubscriberCount });
  if (!topic) throw NotFoundError('topic');
  return presentTopic(topic);
}
