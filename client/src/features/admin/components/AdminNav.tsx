import clsx from 'clsx';
import { Activity, FolderTree, History, KeyRound, KeySquare, MailOpen, Megaphone, PenSquare, Users } from 'lucide-react';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/admin/compose', label: 'Compose', Icon: PenSquare },
  { to: '/admin/sends', label: 'Sent', Icon: History },
  { to: '/admin/deliveries', label: 'Deliveries', Icon: Activity },
  { to: '/admin/outbox', label: 'Dev outbox', Icon: MailOpen },
  { to: '/admin/api-keys', label: 'API keys', Icon: KeyRound },
  { to: '/admin/user-tokens', label: 'User tokens', Icon: KeySquare },
  { to: '/admin/users', label: 'Users', Icon: Users },
  { to: '/admin/categories', label: 'Categories', Icon: FolderTree },
  { to: '/admin/topics', label: 'Topics', Icon: Megaphone },
];

/** The "Admin" group of the left nav; SideNav shows it to admins only. */
export function AdminNav() {
  return (
    <div className="side-nav__section" role="group" aria-labelledby="side-nav-admin">
      <p id="side-nav-admin" className="side-nav__heading">
        Admin
      </p>
      {LINKS.map(({ to, label, Icon }) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) => clsx('side-nav__link', isActive && 'side-nav__link--active')}
        >
          <Icon size={16} aria-hidden />
          <span>{label}</span>
        </NavLink>
      ))}
    </div>
  );
}
