import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateNotificationInput, CreateNotificationResult } from '@shared/schemas/notification';
import { apiFetch } from '../../../lib/api';
import { sendKeys } from './adminKeys';

/** One composed message: its input and the form's idempotency key (one per message, not per click). */
export interface CreateSendVariables {
  input: CreateNotificationInput;
  idempotencyKey: string;
}

/**
 * Sends (or schedules) a notification from the composer. The `Idempotency-Key` makes a repeated request
 * for the same message (double click, retry after a lost answer) return the first answer instead of
 * sending again. Field errors come back as `details[].path`: `title`, `body`, `actionUrl`, `category`,
 * `scheduledAt`, `to.0.topic`…
 */
export function createSend({ input, idempotencyKey }: CreateSendVariables): Promise<CreateNotificationResult> {
  return apiFetch<CreateNotificationResult>('/api/admin/sends', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The composer's "Send notification"; the history shows the new send next time it is opened. */
export function useCreateSend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSend,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sendKeys.lists() }),
  });
}
