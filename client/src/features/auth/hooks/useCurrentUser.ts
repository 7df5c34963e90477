import type { SessionUser } from '@shared/schemas/auth';
import { useSession } from '../api/getSession';

/** The signed-in user; only call below `RequireAuth`, which guarantees one. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser called outside RequireAuth');
  return data.user;
}
