import { useCallback, useEffect, useState } from 'react';

/** The browser's notification permission for this site, or `unsupported`. */
export type PermissionState = NotificationPermission | 'unsupported';

function read(): PermissionState {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * The notification permission, kept current when the user changes it in the browser's site settings.
 *
 * @example
 * const { permission, refresh } = useNotificationPermission();
 */
export function useNotificationPermission(): { permission: PermissionState; refresh: () => void } {
  const [permission, setPermission] = useState(read);
  const refresh = useCallback(() => setPermission(read()), []);

  useEffect(() => {
    let status: PermissionStatus | undefined;
    let cancelled = false;
    navigator.permissions
      ?.query({ name: 'notifications' })
      .then((result) => {
        if (cancelled) return;
        status = result;
        status.addEventListener('change', refresh);
      })
      .catch(() => undefined); // not every browser exposes this permission to the Permissions API
    // Fallback for those: coming back to the tab after changing site settings.
    document.addEventListener('visibilitychange', refresh);
    return () => {
      cancelled = true;
      status?.removeEventListener('change', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [refresh]);

  return { permission, refresh };
}
