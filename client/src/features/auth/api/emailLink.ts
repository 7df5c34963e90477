import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { EmailActionPreview, EmailActionReadResult } from '@shared/schemas/emailActions';
import { apiFetch } from '../../../lib/api';
import { authKeys } from './authKeys';

/** What an email's open link points at; reading it changes nothing on the server. */
export function fetchLinkPreview(token: string, signal?: AbortSignal): Promise<EmailActionPreview> {
  return apiFetch<EmailActionPreview>(`/api/email-actions/preview/${encodeURIComponent(token)}`, { signal });
}

/** The preview of one link, fetched fresh each time the page opens. */
export function linkPreviewOptions(token: string) {
  return queryOptions({
    queryKey: authKeys.link(token),
    queryFn: ({ signal }) => fetchLinkPreview(token, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

/** The preview of an email link's notification. */
export function useLinkPreview(token: string) {
  return useQuery(linkPreviewOptions(token));
}

/**
 * Marks the link's notification read (token-authorized, no session needed) and answers where to go.
 *
 * @example
 * const { url } = await openEmailLink(token);
 */
export function openEmailLink(token: string): Promise<EmailActionReadResult> {
  return apiFetch<EmailActionReadResult>('/api/email-actions/read', { method: 'POST', body: { token } });
}

/** The person's "open": marks read, then `onOpened` navigates. */
export function useOpenEmailLink(onOpened: (result: EmailActionReadResult) => void) {
  return useMutation({ mutationFn: openEmailLink, onSuccess: onOpened });
}
