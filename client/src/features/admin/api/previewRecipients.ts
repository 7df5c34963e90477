import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Recipient } from '@shared/schemas/notification';
import type { RecipientPreview } from '@shared/schemas/sends';
import { apiFetch } from '../../../lib/api';
import { sendKeys } from './adminKeys';

/** Asks how many people a `to` reaches, without sending (422 `unknown_recipient` / `unknown_topic`). */
export function previewRecipients(to: Recipient[], signal?: AbortSignal): Promise<RecipientPreview> {
  return apiFetch<RecipientPreview>('/api/admin/sends/preview', { method: 'POST', body: { to }, signal });
}

/** Query of "Will reach N people"; a POST, but one that only reads. */
export function recipientPreviewOptions(to: Recipient[]) {
  return queryOptions({
    queryKey: sendKeys.preview(to),
    queryFn: ({ signal }) => previewRecipients(to, signal),
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}

/** How many people `to` reaches; idle while there are no recipients yet. */
export function useRecipientPreview(to: Recipient[]) {
  return useQuery({ ...recipientPreviewOptions(to), enabled: to.length > 0 });
}
