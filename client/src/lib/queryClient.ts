import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SESSION_CHANGED } from '@shared/sessionIdentity';
import { apiFetch, isApiError, type ApiRequest } from './api';

interface QueryClientHooks {
  /** Any request answered 401: the session ended (expired, or signed out elsewhere). */
  onUnauthorized: () => void;
  /** A request answered 401 `session_changed`: this browser is signed in as another user now. */
  onSessionChanged: () => void;
  /** A request answered 403 `forbidden`: the user's role may have changed; the session is worth re-reading. */
  onForbidden: () => void;
}

/** The transport each QueryClient's queries and mutations call the API with (set once, at creation). */
const transports = new WeakMap<QueryClient, ApiRequest>();

/**
 * The API transport of the QueryClient: what the features' queries and mutations send requests with. The
 * web app's client uses `apiFetch` (session cookie + CSRF); an embedded inbox's, a user-token transport for
 * another origin (`userTokenRequest`). A QueryClient made elsewhere (tests) gets `apiFetch`.
 *
 * @example
 * queryFn: ({ client, signal }) => inboxRequests.counts(requestOf(client), undefined, signal)
 */
export function requestOf(client: QueryClient): ApiRequest {
  return transports.get(client) ?? apiFetch;
}

/**
 * A QueryClient for the inbox features. The socket writes server changes into the cache, so data stays
 * fresh without polling: a long staleTime and no refetch on focus. `request` is the API transport its
 * queries use (`requestOf`): the web app's `apiFetch` unless given.
 */
export function createQueryClient(
  { onUnauthorized, onSessionChanged, onForbidden }: QueryClientHooks,
  request: ApiRequest = apiFetch,
): QueryClient {
  const handleError = (error: unknown) => {
    if (isApiError(error, 401)) {
      if (error.code === SESSION_CHANGED) onSessionChanged();
      else onUnauthorized();
    } else if (isApiError(error, 403) && error.code === 'forbidden') {
      onForbidden();
    }
  };
  const client = new QueryClient({
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
  transports.set(client, request);
  return client;
}
