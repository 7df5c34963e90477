import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';

/** Any unknown path inside the app (e.g. an action URL this app has no page for). */
export function NotFoundPage() {
  return (
    <div className="empty-state empty-state--page">
      <p className="empty-state__title">
        <FormattedMessage id="app.notFound.title" />
      </p>
      <p className="empty-state__text">
        <FormattedMessage id="app.notFound.text" />
      </p>
      <Link to="/" className="btn btn--secondary">
        <FormattedMessage id="app.notFound.back" />
      </Link>
    </div>
  );
}
