import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

interface QueryClientHooks {
  /** Any request answered 401: the session ended (expired, or signed out elsewhere). */
  onUnauthorized: () => void;
}

/**
 * The app's QueryClient. The socket writes server changes into the cache, so data stays fresh without
 * polling: a long staleTime and no refetch on focus.
 */
export function createQueryClient({ onUnauthorized }: QueryClientHooks): QueryClient {
  const handleError = (error: unknown) => {
    if (isApiError(error, 401)) onUnauthorized();
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
