import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { InboxEnvironment } from '../../components/inboxEnvironment';
import type { LiveConnection } from '../../features/realtime';
import type { InboxClient } from '../inboxClient';

/** Why the provider stopped (see FlashNotifyState.stopped). */
export type StopReason = 'signed-out' | 'origin-not-allowed';

/** What `<FlashNotifyProvider>` gives the components below it. */
export interface FlashNotifyState {
  client: InboxClient;
  queryClient: QueryClient;
  connection: LiveConnection;
  environment: InboxEnvironment;
  /** The theme in force: the `theme` prop, or the system's when it is not given. */
  theme: 'light' | 'dark';
  /**
   * Why the components show no data, if they do not: `signed-out` — no token FlashNotify accepts (the host's
   * user is signed out, unknown, or its tokens are expired); `origin-not-allowed` — FlashNotify refuses this
   * page's origin (not in its `ALLOWED_ORIGINS`).
   */
  stopped: StopReason | null;
}

/** Set by `<FlashNotifyProvider>`. */
export const FlashNotifyContext = createContext<FlashNotifyState | null>(null);

/** The provider's state; throws when a component is used outside `<FlashNotifyProvider>`. */
export function useFlashNotify(): FlashNotifyState {
  const state = useContext(FlashNotifyContext);
  if (!state) throw new Error('FlashNotify components must be rendered inside <FlashNotifyProvider>');
  return state;
}

/**
 * The provider's headless `InboxClient`, for a host's own controls beside the components: `pin`, `unpin`,
 * `delete`, `snooze`, `undo`, `list({ q })`… Whatever it changes reaches the components like a change made
 * in another tab (the socket's events feed their cache), the new counts at once. Inside `<FlashNotifyProvider>` only.
 *
 * @example
 * const inbox = useInboxClient();
 * const { undo } = await inbox.delete(id);
 * <button onClick={() => inbox.undo(undo.token)}>Undo</button>
 */
export function useInboxClient(): InboxClient {
  return useFlashNotify().client;
}
