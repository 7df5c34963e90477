import clsx from 'clsx';
import { Inbox, KeyRound, SlidersHorizontal, Smartphone } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { AdminNav } from '../features/admin';
import { useCurrentUser } from '../features/auth';
import { useCounts } from '../features/inbox';

/** Left navigation; admins also get the "Admin" section. */
export function SideNav() {
  const { data: counts } = useCounts();
  const user = useCurrentUser();
  const intl = useIntl();
  const unread = counts?.unread ?? 0;
  return (
    <nav className="side-nav" aria-label={intl.formatMessage({ id: 'app.nav.label' })}>
      <NavLink to="/" end className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}>
        <Inbox size={16} aria-hidden />
        <span>
          <FormattedMessage id="app.nav.inbox" />
        </span>
        {unread > 0 && (
          <span className="side-nav__count" aria-hidden>
            {unread > 99 ? '99+' : intl.formatNumber(unread)}
          </span>
        )}
      </NavLink>
      <NavLink to="/settings/preferences" className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}>
        <SlidersHorizontal size={16} aria-hidden />
        <span>
          <FormattedMessage id="app.nav.preferences" />
        </span>
      </NavLink>
      <NavLink to="/settings/devices" className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}>
        <Smartphone size={16} aria-hidden />
        <span>
          <FormattedMessage id="app.nav.devices" />
        </span>
      </NavLink>
      <NavLink to="/settings/account" className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}>
        <KeyRound size={16} aria-hidden />
        <span>
          <FormattedMessage id="app.nav.account" />
        </span>
      </NavLink>
      {user.role === 'admin' && <AdminNav />}
    </nav>
  );
}
