import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
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
      <h1 className="empty-state__title">
        <FormattedMessage id="admin.required.title" />
      </h1>
      <p className="empty-state__text">
        <FormattedMessage id="admin.required.text" />
      </p>
      <Link to="/" className="btn btn--secondary">
        <FormattedMessage id="app.notFound.back" />
      </Link>
    </div>
  );
}
