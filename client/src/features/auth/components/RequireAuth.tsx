import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageState } from '../../../components/FullPageState';
import { useSession } from '../api/getSession';

/** Renders its children for a signed-in user, otherwise sends them to /login (and back afterwards). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageState message="Loading your inbox…" />;
  if (session.isError) {
    return (
      <FullPageState
        message="FlashNotify cannot reach the server."
        action={{ label: 'Try again', onClick: () => void session.refetch() }}
      />
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
