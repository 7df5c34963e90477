import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { TopicSubscribersResult } from '@shared/schemas/directory';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../lib/api';
import { subscribersBody, writeSubscriberCount } from '../utils/topicCache';
import type { TopicSubscribersVars } from './addTopicSubscribers';
import { topicSubscribersOptions } from './getTopicSubscribers';

/** Unsubscribes users from a topic. */
export function removeTopicSubscribers({ topic, userIds }: TopicSubscribersVars): Promise<TopicSubscribersResult> {
  return apiFetch<TopicSubscribersResult>(`/api/admin/topics/${encodeURIComponent(topic)}/subscribers`, {
    method: 'DELETE',
    body: subscribersBody(userIds),
  });
}

/** "Remove" on a subscriber row: the row disappears at once and comes back if the server refuses. */
export function useRemoveTopicSubscribers() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: removeTopicSubscribers,
    onMutate: async ({ topic, userIds }) => {
      const { queryKey } = topicSubscribersOptions(topic);
      await queryClient.cancelQueries({ queryKey });
      const snapshot = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((user) => !userIds.includes(user.id)) })),
        },
      );
      return { snapshot };
    },
    onError: (error, { topic }, context) => {
      queryClient.setQueryData(topicSubscribersOptions(topic).queryKey, context?.snapshot);
      toast.error(apiErrorMessage(intl, error, 'admin.topics.subscribers.removeFailed'));
    },
    onSuccess: (result) => writeSubscriberCount(queryClient, result),
    onSettled: (_result, _error, { topic }) =>
      queryClient.invalidateQueries({ queryKey: topicSubscribersOptions(topic).queryKey }),
  });
}
