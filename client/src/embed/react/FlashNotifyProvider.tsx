import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { InboxNotice } from '../../components/inboxEnvironment';
import { createQueryClient } from '../../lib/queryClient';
import type { GetUserToken } from '../../lib/userTokens';
import { LocaleProvider } from '../../i18n/LocaleProvider';
import { InboxClient } from '../inboxClient';
import { tokenFromUrl } from '../tokenUrl';
import { FlashNotifyContext, type FlashNotifyState, type StopReason } from './context';
import { feedInboxClient } from './feedInboxClient';
import { makeHostLink } from './hostLink';

/** Props of {@link FlashNotifyProvider}. */
export interface FlashNotifyProviderProps {
  /** FlashNotify's origin, e.g. `https://notify.example.com` (list the host page's origin in its `ALLOWED_ORIGINS`). */
  baseUrl: string;
  /** Your own way to get a user token for the signed-in user; wins over `tokenUrl`. */
  getToken?: GetUserToken;
  /** URL (relative to the page) of your backend's token route, answering `{ "token": "…" }` or the bare token; fetched with the page's cookies. */
  tokenUrl?: string;
  /** `light` or `dark`; without it the components follow `prefers-color-scheme`. */
  theme?: 'light' | 'dark';
  /**
   * The components' language (`fr`, `en-GB`): one with a catalog in FlashNotify, else English; without it,
   * the browser's. What FlashNotify sends the user (emails, SMS) follows their own setting, not this.
   */
  locale?: string;
  /** Items per page of the feeds, 1–100 (default 20). */
  pageSize?: number;
  /**
   * Follows a notification's path (`/orders/42`: a page of your app) once it is marked read, e.g. your
   * router's `navigate`; without it the browser loads the page. Links to other sites open in a new tab.
   */
  onNavigate?: (path: string) => void;
  /** Called when FlashNotify accepts no token (your user is signed out, unknown, or the tokens are expired). */
  onUnauthorized?: () => void;
  /**
   * Tells your user that a change failed and was undone (show it with your toasts); without it the
   * message goes to the console.
   */
  onError?: (notice: InboxNotice) => void;
  children: ReactNode;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const subscribeToScheme = (onChange: () => void) => {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** The theme prop, or the system's colour scheme (followed live) without it. */
function useTheme(theme: 'light' | 'dark' | undefined): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribeToScheme, () => window.matchMedia(DARK_QUERY).matches, () => false);
  return theme ?? (systemDark ? 'dark' : 'light');
}

/** What the provider makes once per FlashNotify and token source: the live client and its own query cache. */
function createSession(baseUrl: string, getToken: GetUserToken, onUnauthorized: () => void): { client: InboxClient; queryClient: QueryClient } {
  const client = new InboxClient({ baseUrl, getToken });
  // Its own QueryClient, with the user-token transport: the host's own React Query cache (if any) is not touched.
  const queryClient = createQueryClient({ onUnauthorized, onSessionChanged: onUnauthorized, onForbidden: () => {} }, client.request);
  return { client, queryClient };
}

/**
 * Connects the FlashNotify components below it (`<Bell/>`, `<NotificationFeed/>`, `<Preferences/>`,
 * `<Inbox/>`) to FlashNotify for the host's signed-in user: one live socket (user tokens, gap-free replay,
 * token renewal: the headless `InboxClient`) feeding one query cache with the web app's own cache writers.
 * It renders no markup of its own; the components may sit anywhere below it.
 *
 * @example
 * <FlashNotifyProvider baseUrl="https://notify.example.com" tokenUrl="/flashnotify/token">
 *   <header><Bell /></header>
 *   <main><NotificationFeed /></main>
 * </FlashNotifyProvider>
 */
export function FlashNotifyProvider(props: FlashNotifyProviderProps) {
  const { baseUrl, getToken, tokenUrl, theme, locale, pageSize = 20, onNavigate, onUnauthorized, onError, children } = props;
  // Callbacks may be new on every render: read through refs, so they do not restart the connection.
  const callbacks = useRef({ getToken, onNavigate, onUnauthorized, onError });
  useEffect(() => {
    callbacks.current = { getToken, onNavigate, onUnauthorized, onError };
  });
  const [stopped, setStopped] = useState<StopReason | null>(null);
  // The socket's refusal and a request's 401 may both come: the host hears it once per session.
  const stoppedRef = useRef(false);
  const stop = useCallback((reason: StopReason) => {
    if (stoppedRef.current) return;
    stoppedRef.current = true;
    setStopped(reason);
    if (reason === 'signed-out') callbacks.current.onUnauthorized?.();
  }, []);
  const markSignedOut = useCallback(() => stop('signed-out'), [stop]);
  const hasGetToken = getToken !== undefined;
  const session = useMemo(() => {
    const fromUrl = tokenUrl ? tokenFromUrl(tokenUrl) : undefined;
    const tokens: GetUserToken = () => {
      const own = callbacks.current.getToken;
      if (own) return own();
      return fromUrl ? fromUrl() : Promise.reject(new Error('FlashNotifyProvider needs getToken or tokenUrl'));
    };
    return createSession(baseUrl, tokens, markSignedOut);
    // A new token source or FlashNotify starts over; `hasGetToken` flips only when one is given or taken away.
  }, [baseUrl, tokenUrl, hasGetToken, markSignedOut]);

  useEffect(() => {
    const { client, queryClient } = session;
    stoppedRef.current = false;
    setStopped(null);
    const stopFeeding = feedInboxClient(client, queryClient);
    const stopWatching = client.on('unauthorized', markSignedOut);
    const stopOnOrigin = client.on('originRefused', () => {
      console.error(`FlashNotify at ${baseUrl} refuses this page's origin (${window.location.origin}): add it to FlashNotify's ALLOWED_ORIGINS.`);
      stop('origin-not-allowed');
    });
    client.connect();
    return () => {
      stopOnOrigin();
      stopWatching();
      stopFeeding();
      client.disconnect();
      queryClient.clear();
    };
  }, [session, markSignedOut, stop, baseUrl]);

  useEffect(() => {
    if (!stopped) return;
    // No token is accepted, or no request can be: stop asking, and nothing of this user's stays on screen or in memory.
    session.client.disconnect();
    session.queryClient.clear();
  }, [stopped, session]);

  const resolvedTheme = useTheme(theme);
  const Link = useMemo(
    () => makeHostLink(session.queryClient, (path) => (callbacks.current.onNavigate ?? ((to) => window.location.assign(to)))(path)),
    [session],
  );
  const value = useMemo<FlashNotifyState>(() => {
    const { client, queryClient } = session;
    return {
      client,
      queryClient,
      connection: {
        subscribe: (listener) => client.on('connection', () => listener()),
        getSnapshot: () => client.connectionState,
        retryNow: () => client.retryNow(),
      },
      environment: {
        Link,
        inboxPath: null,
        appPages: false,
        pageSize: Math.min(100, Math.max(1, Math.floor(pageSize))),
        notifyError: (notice) => {
          const report = callbacks.current.onError;
          if (report) report(notice);
          else console.error(`FlashNotify: ${notice.title}${notice.description ? ` ${notice.description}` : ''}`);
        },
      },
      theme: resolvedTheme,
      stopped,
    };
  }, [session, Link, pageSize, resolvedTheme, stopped]);

  return (
    <FlashNotifyContext.Provider value={value}>
      <LocaleProvider locale={locale ?? null}>{children}</LocaleProvider>
    </FlashNotifyContext.Provider>
  );
}
