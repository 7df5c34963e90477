import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateNotificationInput, CreateNotificationResult } from '@shared/schemas/notification';
import { apiFetch } from '../../../lib/api';
import { sendKeys } from './adminKeys';

/**
 * Sends (or schedules) a notification from the composer. Field errors come back as `details[].path`:
 * `title`, `body`, `actionUrl`, `category`, `scheduledAt`, `to.0.topic`…
 */
export function createSend(input: CreateNotificationInput): Promise<CreateNotificationResult> {
  return apiFetch<CreateNotificationResult>('/api/admin/sends', { method: 'POST', body: input });
}

/** The composer's "Send notification"; the history shows the new send next time it is opened. */
export function useCreateSend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSend,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sendKeys.lists() }),
  });
}
