import { Monitor, Smartphone } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SessionDto } from '@shared/schemas/account';
import { useNow } from '../../../hooks/useNow';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatAge, formatFullDate } from '../../../i18n/dates';
import { describeUserAgent } from '../../devices';
import { useEndOtherSessions } from '../api/endOtherSessions';
import { useEndSession } from '../api/endSession';
import { useSessions } from '../api/getSessions';

/** The user's signed-in sessions, with "Sign out" on each other one and "Sign out everywhere else". */
export function SessionList() {
  const intl = useIntl();
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const now = useNow(30_000);
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="account__card account__card--flush" aria-labelledby="sessions-title">
      <div className="account__card-head">
        <h2 id="sessions-title" className="account__card-title">
          <FormattedMessage id="account.sessions.title" />
        </h2>
        <button type="button" className="btn btn--secondary btn--sm" disabled={others === 0 || endOthers.isPending} onClick={() => endOthers.mutate()}>
          <FormattedMessage id={endOthers.isPending ? 'account.sessions.signingOut' : 'account.sessions.endOthers'} />
        </button>
      </div>
      {endOthers.isSuccess && (
        <p className="account__padded account__muted" role="status">
          <FormattedMessage id="account.sessions.ended" values={{ count: endOthers.data.endedSessions }} />
        </p>
      )}
      {sessions.isPending ? (
        <p className="account__padded account__muted" role="status">
          <FormattedMessage id="account.sessions.loading" />
        </p>
      ) : sessions.isError ? (
        <div className="account__padded" role="alert">
          <p>
            <FormattedMessage id="account.sessions.loadFailed" values={{ reason: apiErrorMessage(intl, sessions.error, 'errors.unreachable') }} />
          </p>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => void sessions.refetch()}>
            <FormattedMessage id="common.tryAgain" />
          </button>
        </div>
      ) : (
        <ul className="account__list" data-testid="sessions">
          {sessions.data.map((session) => (
            <SessionRow key={session.id} session={session} now={now} onEnd={() => end.mutate(session.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One session: "Firefox on Linux", signed in when, last seen when, and "Sign out" unless it is this one. */
function SessionRow({ session, now, onEnd }: { session: SessionDto; now: number; onEnd: () => void }) {
  const intl = useIntl();
  const name = session.userAgent ? describeUserAgent(intl, session.userAgent) : intl.formatMessage({ id: 'account.sessions.unknownDevice' });
  const Icon = /Android|iOS/.test(name) ? Smartphone : Monitor;
  const lastSeen = session.lastSeenAt ?? session.createdAt;
  return (
    <li className="account__row" data-testid="session">
      <Icon size={18} className="account__row-icon" aria-hidden />
      <div className="account__row-main">
        <p className="account__row-name" title={session.userAgent}>
          {name}
          {session.current && (
            <span className="chip">
              <FormattedMessage id="account.sessions.thisDevice" />
            </span>
          )}
        </p>
        <p className="account__muted">
          <FormattedMessage
            id="account.sessions.signedIn"
            values={{
              when: (
                <time dateTime={session.createdAt} title={formatFullDate(intl, session.createdAt)}>
                  {formatAge(intl, session.createdAt, now)}
                </time>
              ),
            }}
          />
          {' · '}
          {session.current ? (
            <FormattedMessage id="account.sessions.activeNow" />
          ) : (
            <FormattedMessage
              id="account.sessions.lastSeen"
              values={{
                when: (
                  <time dateTime={lastSeen} title={formatFullDate(intl, lastSeen)}>
                    {formatAge(intl, lastSeen, now)}
                  </time>
                ),
              }}
            />
          )}
        </p>
      </div>
      {!session.current && (
        <button type="button" className="btn btn--ghost btn--sm" aria-label={intl.formatMessage({ id: 'account.sessions.signOutLabel' }, { name, when: formatFullDate(intl, session.createdAt) })} onClick={onEnd}>
          <FormattedMessage id="common.signOut" />
        </button>
      )}
    </li>
  );
}
