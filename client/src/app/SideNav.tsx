import clsx from 'clsx';
import { Inbox } from 'lucide-react';
import { NavLink } from 'react-router';
import { useCounts } from '../features/inbox/api/getCounts';

/** Left navigation; Preferences and Admin join it in later issues. */
export function SideNav() {
  const { data: counts } = useCounts();
  const unread = counts?.unread ?? 0;
  return (
    <nav className="side-nav" aria-label="Main">
      <NavLink to="/" end className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}>
        <Inbox size={16} aria-hidden />
        <span>Inbox</span>
        {unread > 0 && (
          <span className="side-nav__count" aria-hidden>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </NavLink>
    </nav>
  );
}
