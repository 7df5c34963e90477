import { useCallback, useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import type { EmailActionReadResult } from '@shared/schemas/emailActions';
import { toActionTarget } from '../../../lib/actionUrl';
import { isApiError } from '../../../lib/api';
import { useLinkPreview, useOpenEmailLink } from '../api/emailLink';
import { useSession } from '../api/getSession';
import { PublicCard } from './PublicCard';

/**
 * `/open/<token>`, where an email's "View details" and digest links land (after the server's 303).
 *
 * Nothing is marked read by loading this page: mail scanners follow links and some run scripts. The
 * notification is opened (read, escalation stopped) by a POST of the token, sent at once only when the
 * signed-in user is the link's own user — a scanner has no such session — and otherwise only when the
 * person clicks "Open". Then the page goes to the action URL (re-checked by the shared URL rule) or the inbox.
 */
export function OpenLinkPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const intl = useIntl();
  const session = useSession();
  const preview = useLinkPreview(token);

  const go = useCallback(
    ({ url }: EmailActionReadResult) => {
      const target = toActionTarget(url);
      // replace: the back button should not return to this page (and its token).
      if (target?.kind === 'external') window.location.replace(target.href);
      else void navigate(target?.path ?? '/', { replace: true });
    },
    [navigate],
  );
  const open = useOpenEmailLink(go);
  const { mutate } = open;

  const ownLink = Boolean(session.data && preview.data && session.data.user.id === preview.data.userId);
  const autoOpened = useRef(false);
  useEffect(() => {
    if (!ownLink || autoOpened.current) return;
    autoOpened.current = true;
    mutate(token);
  }, [ownLink, mutate, token]);

  if (preview.isError) return <LinkProblem error={preview.error} />;
  if (preview.isPending || session.isPending || (ownLink && !open.isError)) {
    return (
      <PublicCard title={intl.formatMessage({ id: 'auth.openLink.opening' })}>
        <p className="public-page__lead" role="status">
          {preview.data ? preview.data.notification.title : intl.formatMessage({ id: 'auth.openLink.oneMoment' })}
        </p>
      </PublicCard>
    );
  }

  const { notification } = preview.data;
  const target = toActionTarget(notification.url);
  return (
    <PublicCard title={intl.formatMessage({ id: 'auth.openLink.title' })}>
      <p className="public-page__subject">{notification.title}</p>
      <p className="public-page__destination">
        {target?.kind === 'external'
          ? intl.formatMessage({ id: 'auth.openLink.opensHost' }, { host: new URL(target.href).host })
          : intl.formatMessage({ id: 'auth.openLink.opensApp' })}
      </p>
      {open.isError && (
        <p className="login__error" role="alert">
          <FormattedMessage id="auth.openLink.failed" />
        </p>
      )}
      <div className="public-page__actions">
        <button type="button" className="btn btn--primary btn--block" onClick={() => mutate(token)} disabled={open.isPending}>
          {intl.formatMessage({ id: open.isPending ? 'auth.openLink.submitting' : 'auth.openLink.submit' })}
        </button>
        <Link to="/">
          <FormattedMessage id="common.goToInbox" />
        </Link>
      </div>
    </PublicCard>
  );
}

/** An expired, mangled or dead link: nothing to open, the inbox is the way on. */
function LinkProblem({ error }: { error: Error }) {
  const gone = isApiError(error, 404);
  const invalid = isApiError(error, 400);
  const intl = useIntl();
  return (
    <PublicCard title={intl.formatMessage({ id: gone ? 'auth.openLink.gone.title' : invalid ? 'auth.openLink.invalid.title' : 'auth.openLink.error.title' })}>
      <p className="public-page__lead" role="alert">
        {intl.formatMessage({ id: gone ? 'auth.openLink.gone.text' : invalid ? 'auth.openLink.invalid.text' : 'auth.openLink.error.text' })}
      </p>
      <div className="public-page__actions">
        <Link to="/" className="btn btn--primary btn--block">
          <FormattedMessage id="common.goToInbox" />
        </Link>
      </div>
    </PublicCard>
  );
}
