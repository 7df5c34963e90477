import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SESSION_CHANGED } from '@shared/sessionIdentity';
import { isApiError } from './api';

interface QueryClientHooks {
  /** Any request answered 401: the session ended (expired, or signed out elsewhere). */
  onUnauthorized: () => void;
  /** A request answered 401 `session_changed`: this browser is signed in as another user now. */
  onSessionChanged: () => void;
  /** A request answered 403 `forbidden`: the user's role may have changed; the session is worth re-reading. */
  onForbidden: () => void;
}

/**
 * The app's QueryClient. The socket writes server changes into the cache, so data stays fresh without
 * polling: a long staleTime and no refetch on focus.
 */
export function createQueryClient({ onUnauthorized, onSessionChanged, onForbidden }: QueryClientHooks): QueryClient {
  const handleError = (error: unknown) => {
    if (isApiError(error, 401)) {
      if (error.code === SESSION_CHANGED) onSessionChanged();
      else onUnauthorized();
    } else if (isApiError(error, 403) && error.code === 'forbidden') {
      onForbidden();
    }
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}
