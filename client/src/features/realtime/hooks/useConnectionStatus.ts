import { useContext, useSyncExternalStore } from 'react';
import type { ConnectionSnapshot } from '../../../lib/connection';
import { RealtimeContext } from '../components/realtimeContext';

const INITIAL: ConnectionSnapshot = { state: 'connecting', retryAt: null };
const noSubscription = () => () => {};

/** The socket's state for the UI, plus a way to skip the backoff wait. */
export function useConnectionStatus(): ConnectionSnapshot & { retryNow: () => void } {
  const connection = useContext(RealtimeContext);
  const snapshot = useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.getSnapshot ?? (() => INITIAL),
  );
  return { ...snapshot, retryNow: () => connection?.retryNow() };
}
