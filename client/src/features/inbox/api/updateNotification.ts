import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { NotificationDto, UpdateNotificationInput } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { adjustCounts, restoreCounts, snapshotCounts } from '../utils/countsCache';
import { applyPatch, isUnread } from '../utils/filters';
import { findInLists, restoreLists, snapshotLists, writeToLists } from '../utils/listCache';
import { countsOptions } from './getCounts';
import { notificationKeys } from './notificationKeys';

/** What to change on one notification. */
export interface UpdateNotificationVars {
  id: string;
  patch: UpdateNotificationInput;
}

/** Marks one notification read/unread/seen/archived; returns the updated DTO. */
export function updateNotification(request: ApiRequest, { id, patch }: UpdateNotificationVars): Promise<NotificationDto> {
  return inboxRequests.updateNotification(request, id, patch);
}

const mutationKey = [...notificationKeys.all, 'update'] as const;

/**
 * Optimistically updates one notification in every cached list and in the counts, rolling back if the
 * server refuses.
 *
 * @example
 * const update = useUpdateNotification();
 * update.mutate({ id, patch: { read: true } });
 */
export function useUpdateNotification() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  const countsKey = countsOptions().queryKey;
  return useMutation({
    mutationKey,
    mutationFn: (vars: UpdateNotificationVars) => updateNotification(requestOf(queryClient), vars),
    onMutate: async ({ id, patch }) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: notificationKeys.lists() }),
        queryClient.cancelQueries({ queryKey: countsKey }),
      ]);
      const snapshot = { lists: snapshotLists(queryClient), counts: snapshotCounts(queryClient) };
      const before = findInLists(queryClient, id);
      if (before) {
        const after = applyPatch(before, patch);
        writeToLists(queryClient, after);
        adjustCounts(queryClient, { unread: Number(isUnread(after)) - Number(isUnread(before)) }, before.category);
      }
      return snapshot;
    },
    onError: (_error, _vars, snapshot) => {
      if (snapshot) {
        restoreLists(queryClient, snapshot.lists);
        restoreCounts(queryClient, snapshot.counts);
      }
      notifyError({ title: intl.formatMessage({ id: 'inbox.updateFailed' }) });
    },
    onSuccess: (item) => writeToLists(queryClient, item),
    onSettled: () => {
      // While the user clicks through several items, refetch once after the last one settles, so an
      // early refetch does not overwrite later optimistic changes.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: countsKey });
    },
  });
}
