import { Link } from 'react-router';

/** Any unknown path inside the app (e.g. an action URL this app has no page for). */
export function NotFoundPage() {
  return (
    <div className="empty-state empty-state--page">
      <p className="empty-state__title">This page doesn’t exist</p>
      <p className="empty-state__text">The link may be outdated, or the page lives in another app.</p>
      <Link to="/" className="btn btn--secondary">
        Back to inbox
      </Link>
    </div>
  );
}
