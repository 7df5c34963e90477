import { LogOut } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../features/auth';
import { initials } from './initials';

/** The signed-in user's avatar and name, and "Sign out". */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div className="user-menu">
      <span className="user-menu__avatar" aria-hidden>
        {initials(user.name || user.email)}
      </span>
      <span className="user-menu__who">
        <span className="user-menu__name" data-testid="current-user">
          {user.name}
        </span>
        <span className="user-menu__email">{user.email}</span>
      </span>
      <button
        type="button"
        className="btn btn--ghost btn--sm user-menu__signout"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        disabled={logout.isPending}
      >
        <LogOut size={15} aria-hidden />
        <span className="user-menu__signout-label">
          <FormattedMessage id="common.signOut" />
        </span>
      </button>
    </div>
  );
}
