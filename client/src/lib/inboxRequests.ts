import type {
  BulkActionInput,
  BulkActionResult,
  BulkUpdateResult,
  CategoriesResponse,
  DeleteNotificationResult,
  InboxCounts,
  MarkAllReadInput,
  MarkAllSeenInput,
  NotificationPage,
  UndoResult,
  UpdateNotificationInput,
  UpdateNotificationResult,
} from '@shared/schemas/notification';
import type { ActResult } from '@shared/schemas/actions';
import type { PreferencesDto, UpdateContactInput, UpdatePreferencesInput } from '@shared/schemas/preferences';
import type { InboxStatus } from '@shared/types';
import { toSearch, type ApiRequest } from './api.js';

/** Query of one inbox page (`GET /api/notifications`). */
export interface ListNotificationsQuery {
  status?: InboxStatus;
  category?: string;
  cursor?: string;
  limit?: number;
  /** Search text (title and body, word by word, the last word as a prefix); not with `status: 'snoozed'`. */
  q?: string;
  /** `'true'`: pinned items only; `'false'`: unpinned only. */
  pinned?: 'true' | 'false';
}

/**
 * The inbox API, once, for every client of it: the web app's features call these with `apiFetch` (session
 * cookie), the embedded inbox with its user-token transport. Each takes the transport first.
 *
 * @example
 * const page = await inboxRequests.listNotifications(apiFetch, { status: 'unread' });
 */
export const inboxRequests = {
  listNotifications: (request: ApiRequest, query: ListNotificationsQuery = {}, signal?: AbortSignal) =>
    request<NotificationPage>(`/api/notifications${toSearch({ ...query })}`, { signal }),
  counts: (request: ApiRequest, category?: string, signal?: AbortSignal) =>
    request<InboxCounts>(`/api/notifications/counts${toSearch({ category })}`, { signal }),
  categories: (request: ApiRequest, signal?: AbortSignal) => request<CategoriesResponse>('/api/notifications/categories', { signal }),
  updateNotification: (request: ApiRequest, id: string, patch: UpdateNotificationInput) =>
    request<UpdateNotificationResult>(`/api/notifications/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  /** Soft-deletes one notification; the answer's `undo` brings it back within the undo window. */
  deleteNotification: (request: ApiRequest, id: string) =>
    request<DeleteNotificationResult>(`/api/notifications/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** One action on a selection (`ids`) or on a whole view (`filter` + `upToSeq`). */
  bulk: (request: ApiRequest, input: BulkActionInput) => request<BulkActionResult>('/api/notifications/bulk', { method: 'POST', body: input }),
  /** Reverts an archive, delete or mark-read by the `undo.token` its answer carried. */
  undo: (request: ApiRequest, token: string) => request<UndoResult>('/api/notifications/undo', { method: 'POST', body: { token } }),
  takeAction: (request: ApiRequest, id: string, actionId: string) =>
    request<ActResult>(`/api/notifications/${encodeURIComponent(id)}/actions/${encodeURIComponent(actionId)}`, { method: 'POST', body: {} }),
  markAllRead: (request: ApiRequest, input: MarkAllReadInput) => request<BulkUpdateResult>('/api/notifications/read-all', { method: 'POST', body: input }),
  markAllSeen: (request: ApiRequest, input: MarkAllSeenInput) => request<BulkUpdateResult>('/api/notifications/seen-all', { method: 'POST', body: input }),
  preferences: (request: ApiRequest, signal?: AbortSignal) => request<PreferencesDto>('/api/preferences', { signal }),
  updatePreferences: (request: ApiRequest, patch: UpdatePreferencesInput) => request<PreferencesDto>('/api/preferences', { method: 'PATCH', body: patch }),
  updateContact: (request: ApiRequest, patch: UpdateContactInput) => request<PreferencesDto>('/api/preferences/contact', { method: 'PATCH', body: patch }),
};
