import clsx from 'clsx';
import { Activity, BarChart3, FolderTree, History, KeyRound, KeySquare, MailOpen, Megaphone, PenSquare, ScrollText, Users, Webhook } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/admin/compose', label: 'admin.nav.compose', Icon: PenSquare },
  { to: '/admin/sends', label: 'admin.nav.sends', Icon: History },
  { to: '/admin/deliveries', label: 'admin.nav.deliveries', Icon: Activity },
  { to: '/admin/outbox', label: 'admin.nav.outbox', Icon: MailOpen },
  { to: '/admin/api-keys', label: 'admin.nav.apiKeys', Icon: KeyRound },
  { to: '/admin/user-tokens', label: 'admin.nav.userTokens', Icon: KeySquare },
  { to: '/admin/webhooks', label: 'admin.nav.webhooks', Icon: Webhook },
  { to: '/admin/users', label: 'admin.nav.users', Icon: Users },
  { to: '/admin/categories', label: 'admin.nav.categories', Icon: FolderTree },
  { to: '/admin/topics', label: 'admin.nav.topics', Icon: Megaphone },
  { to: '/admin/analytics', label: 'admin.nav.analytics', Icon: BarChart3 },
  { to: '/admin/audit', label: 'admin.nav.audit', Icon: ScrollText },
] as const;

/** The "Admin" group of the left nav; SideNav shows it to admins only. */
export function AdminNav() {
  return (
    <div className="side-nav__section" role="group" aria-labelledby="side-nav-admin">
      <p id="side-nav-admin" className="side-nav__heading">
        <FormattedMessage id="admin.nav.title" />
      </p>
      {LINKS.map(({ to, label, Icon }) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}
        >
          <Icon size={16} aria-hidden />
          <span>
            <FormattedMessage id={label} />
          </span>
        </NavLink>
      ))}
    </div>
  );
}
