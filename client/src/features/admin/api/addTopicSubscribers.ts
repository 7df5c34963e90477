import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { TopicSubscribersResult } from '@shared/schemas/directory';
import { apiFetch, isApiError } from '../../../lib/api';
import { subscribersBody, writeSubscriberCount } from '../utils/topicCache';
import { topicSubscribersOptions } from './getTopicSubscribers';

/** Which users to add to or remove from which topic. */
export interface TopicSubscribersVars {
  topic: string;
  userIds: string[];
}

/** Subscribes users to a topic (already subscribed ones are left alone). */
export function addTopicSubscribers({ topic, userIds }: TopicSubscribersVars): Promise<TopicSubscribersResult> {
  return apiFetch<TopicSubscribersResult>(`/api/admin/topics/${encodeURIComponent(topic)}/subscribers`, {
    method: 'POST',
    body: subscribersBody(userIds),
  });
}

/** "Add subscribers": the subscriber list refetches afterwards, the topic's count updates at once. */
export function useAddTopicSubscribers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTopicSubscribers,
    onSuccess: (result) => {
      writeSubscriberCount(queryClient, result);
      toast.success(result.changed === 1 ? 'Added 1 subscriber.' : `Added ${result.changed} subscribers.`);
    },
    onError: (error) =>
      toast.error(isApiError(error) ? error.message : 'Could not add subscribers. Please try again.'),
    onSettled: (_result, _error, { topic }) =>
      queryClient.invalidateQueries({ queryKey: topicSubscribersOptions(topic).queryKey }),
  });
}
