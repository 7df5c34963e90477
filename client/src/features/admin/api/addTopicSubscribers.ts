import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { TopicSubscribersResult } from '@shared/schemas/directory';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../lib/api';
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
  const intl = useIntl();
  return useMutation({
    mutationFn: addTopicSubscribers,
    onSuccess: (result) => {
      writeSubscriberCount(queryClient, result);
      toast.success(intl.formatMessage({ id: 'admin.topics.subscribers.added' }, { count: result.changed }));
    },
    onError: (error) =>
      toast.error(apiErrorMessage(intl, error, 'admin.topics.subscribers.addFailed')),
    onSettled: (_result, _error, { topic }) =>
      queryClient.invalidateQueries({ queryKey: topicSubscribersOptions(topic).queryKey }),
  });
}
