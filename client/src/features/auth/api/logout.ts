import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, setCsrfToken } from '../../../lib/api';
import { sessionOptions } from './getSession';

/** Ends the session (the server also disconnects its sockets). */
export function logout(): Promise<void> {
  return apiFetch<void>('/api/auth/logout', { method: 'POST' });
}

/** Logout mutation; afterwards no user data stays in the cache, whatever the server answered. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(sessionOptions().queryKey, null);
    },
  });
}
