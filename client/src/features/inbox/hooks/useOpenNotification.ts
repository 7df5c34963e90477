import { useCallback } from 'react';
import type { NotificationDto } from '@shared/schemas/notification';
import { useUpdateNotification } from '../api/updateNotification';

/** Marks a notification read when the user follows its action (the link itself does the navigating). */
export function useOpenNotification() {
  const update = useUpdateNotification();
  const { mutate } = update;
  return useCallback(
    (item: NotificationDto) => {
      if (item.readAt === null) mutate({ id: item.id, patch: { read: true } });
    },
    [mutate],
  );
}
