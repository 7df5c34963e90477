import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ShieldAlert } from 'lucide-react';
import { useCurrentUser } from '../../auth';

/** Renders admin pages for admins only; everyone else gets an explanation instead (the API says 403 too). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'admin') return children;
  return (
    <div className="empty-state empty-state--page" data-testid="admin-required">
      <span className="empty-state__icon">
        <ShieldAlert size={22} aria-hidden />
      </span>
      <h1 className="empty-state__title">You need admin access</h1>
      <p className="empty-state__text">
        This page is for FlashNotify administrators. Ask an admin to change your role if you need it.
      </p>
      <Link to="/" className="btn btn--secondary">
        Back to inbox
      </Link>
    </div>
  );
}
