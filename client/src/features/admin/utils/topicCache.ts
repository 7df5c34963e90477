import type { QueryClient } from '@tanstack/react-query';
import type { TopicDto, TopicSubscribersResult } from '@shared/schemas/directory';
import { topicsOptions } from '../api/getTopics';

/** Writes the server's new subscriber count of a topic into the topics list. */
export function writeSubscriberCount(queryClient: QueryClient, { topic, subscriberCount }: TopicSubscribersResult) {
  queryClient.setQueryData<TopicDto[]>(topicsOptions().queryKey, (items) =>
    items?.map((item) => (item.key === topic ? { ...item, subscriberCount } : item)),
  );
}

/** Body of the subscriber endpoints for some of our user ids. */
export function subscribersBody(userIds: string[]) {
  return { subscribers: userIds.map((userId) => ({ userId })) };
}
