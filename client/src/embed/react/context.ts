import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { InboxEnvironment } from '../../components/inboxEnvironment';
import type { LiveConnection } from '../../features/realtime';
import type { InboxClient } from '../inboxClient';

/** What `<FlashNotifyProvider>` gives the components below it. */
export interface FlashNotifyState {
  client: InboxClient;
  queryClient: QueryClient;
  connection: LiveConnection;
  environment: InboxEnvironment;
  /** The theme in force: the `theme` prop, or the system's when it is not given. */
  theme: 'light' | 'dark';
  /** No token FlashNotify accepts (the host's user is signed out, unknown, or its tokens are expired). */
  signedOut: boolean;
}

/** Set by `<FlashNotifyProvider>`. */
export const FlashNotifyContext = createContext<FlashNotifyState | null>(null);

/** The provider's state; throws when a component is used outside `<FlashNotifyProvider>`. */
export function useFlashNotify(): FlashNotifyState {
  const state = useContext(FlashNotifyContext);
  if (!state) throw new Error('FlashNotify components must be rendered inside <FlashNotifyProvider>');
  return state;
}
