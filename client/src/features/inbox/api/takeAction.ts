import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { NotificationDto } from '@shared/schemas/notification';
import { ApiError } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { findInLists, restoreLists, snapshotLists, writeToLists } from '../utils/listCache';
import { countsOptions } from './getCounts';
import { notificationKeys } from './notificationKeys';

/** One action button pressed: which notification, which of its actions. */
export interface TakeActionVars {
  id: string;
  actionId: string;
}

/**
 * Takes one of a notification's actions (`POST /api/notifications/:id/actions/:actionId`): shown as taken
 * (and read) at once, undone if the server refuses (409: another action was taken first, e.g. in another
 * tab, whose `notification.updated` then shows it).
 *
 * @example
 * const take = useTakeAction();
 * take.mutate({ id: item.id, actionId: 'approve' });
 */
export function useTakeAction() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  return useMutation({
    mutationFn: ({ id, actionId }: TakeActionVars) => inboxRequests.takeAction(requestOf(queryClient), id, actionId),
    onMutate: async ({ id, actionId }) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.lists() });
      const snapshot = snapshotLists(queryClient);
      const before = findInLists(queryClient, id);
      if (before && before.actedActionId === null) {
        const now = new Date().toISOString();
        const after: NotificationDto = { ...before, actedActionId: actionId, actedAt: now, readAt: before.readAt ?? now, seenAt: before.seenAt ?? now };
        writeToLists(queryClient, after);
      }
      return snapshot;
    },
    onError: (error, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
      const conflict = error instanceof ApiError && error.status === 409;
      notifyError({ title: intl.formatMessage({ id: conflict ? 'inbox.act.conflict' : 'inbox.act.failed' }) });
    },
    onSuccess: ({ notification }) => writeToLists(queryClient, notification),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: countsOptions().queryKey });
    },
  });
}
