import { Fragment, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import { FullPageState } from '../../../components/FullPageState';
import { useSession } from '../api/getSession';

/**
 * Renders its children for a signed-in user, otherwise sends them to /login (and back afterwards). The
 * children are keyed by the user: when the session turns out to be another user's, everything below
 * (socket, watermark, forms, open pages) starts over for them instead of carrying the previous user's state.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const intl = useIntl();
  if (session.isPending) return <FullPageState message={intl.formatMessage({ id: 'auth.loadingInbox' })} />;
  // A failed background re-read (after a reconnect) keeps the page; only a session never read blocks it.
  if (session.isError && session.data === undefined) {
    return (
      <FullPageState
        message={intl.formatMessage({ id: 'auth.unreachable' })}
        action={{ label: intl.formatMessage({ id: 'common.tryAgain' }), onClick: () => void session.refetch() }}
      />
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Fragment key={session.data.user.id}>{children}</Fragment>;
}
