import type { TopicList } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { presentTopic } from '../../presenters/directory.js';
import { withSubscriberCount } from './topicQueries.js';

/** Every topic with its subscriber count, by key (topics are few: a picker list, not a feed). */
export async function listTopics(db: Db): Promise<TopicList> {
  const topics = await db.topic.findMany({ orderBy: { key: 'asc' }, include: withSubscriberCount });
  return { items: topics.map(presentTopic) };
}
