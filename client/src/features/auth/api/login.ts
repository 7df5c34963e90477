import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, SessionInfo } from '@shared/schemas/auth';
import { apiFetch } from '../../../lib/api';
import { adoptSession } from '../utils/adoptSession';
import { sessionOptions } from './getSession';

/** Signs in with email and password. */
export function login(input: LoginInput): Promise<SessionInfo> {
  return apiFetch<SessionInfo>('/api/auth/login', { method: 'POST', body: input });
}

/** Login mutation; on success the session query holds the new user and CSRF token. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing of a previous user may leak into this one's inbox; no inbox query is mounted here.
      adoptSession(queryClient, session);
      queryClient.setQueryData(sessionOptions().queryKey, session);
    },
  });
}
