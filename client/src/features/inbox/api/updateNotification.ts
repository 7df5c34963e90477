import { useMutation } from '@tanstack/react-query';
import type { UpdateNotificationInput, UpdateNotificationResult } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { applyPatch } from '../utils/filters';
import { writeToLists } from '../utils/listCache';
import { changeKey, changeOptimistically, refetchAfterChanges } from '../utils/optimistic';
import { useInboxChange } from './inboxChange';

/** What to change on one notification. */
export interface UpdateNotificationVars {
  id: string;
  patch: UpdateNotificationInput;
}

/**
 * Marks one notification read/unread/seen/archived/pinned or snoozes it; returns the updated DTO (with an
 * `undo` ticket when the change archived it).
 */
export function updateNotification(request: ApiRequest, { id, patch }: UpdateNotificationVars): Promise<UpdateNotificationResult> {
  return inboxRequests.updateNotification(request, id, patch);
}

/**
 * Optimistically updates one notification in every cached list and in the counts, rolling back if the
 * server refuses. Archiving offers Undo where the page can (InboxExtensions.offerUndo).
 *
 * @example
 * const update = useUpdateNotification();
 * update.mutate({ id, patch: { read: true } });
 */
export function useUpdateNotification() {
  const { queryClient, offerUndo, refused } = useInboxChange();
  return useMutation({
    mutationKey: changeKey('update'),
    mutationFn: (vars: UpdateNotificationVars) => updateNotification(requestOf(queryClient), vars),
    onMutate: ({ id, patch }) => changeOptimistically(queryClient, [id], (item) => applyPatch(item, patch)),
    onError: (_error, _vars, snapshot) => refused(snapshot, 'inbox.updateFailed'),
    onSuccess: ({ undo, ...item }) => {
      writeToLists(queryClient, item);
      if (undo) offerUndo?.({ action: 'archive', count: 1, tickets: [undo] });
    },
    onSettled: () => refetchAfterChanges(queryClient),
  });
}
