import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTopicInput, TopicDto } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { topicsOptions } from './getTopics';

/** Creates a topic; 409 `topic_exists` when the key is taken. */
export function createTopic(input: CreateTopicInput): Promise<TopicDto> {
  return apiFetch<TopicDto>('/api/admin/topics', { method: 'POST', body: input });
}

/** The "New topic" form's mutation. */
export function useCreateTopic() {
  const queryClient = useQueryClient();
  const { queryKey } = topicsOptions();
  return useMutation({
    mutationFn: createTopic,
    onSuccess: (topic) => {
      queryClient.setQueryData<TopicDto[]>(queryKey, (items) =>
        items ? [...items, topic].sort((a, b) => a.key.localeCompare(b.key)) : items,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
