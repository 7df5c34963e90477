import { Monitor, Smartphone } from 'lucide-react';
import type { SessionDto } from '@shared/schemas/account';
import { useNow } from '../../../hooks/useNow';
import { formatFullDate, formatRelativeTime } from '../../../lib/time';
import { describeUserAgent } from '../../devices';
import { useEndOtherSessions } from '../api/endOtherSessions';
import { useEndSession } from '../api/endSession';
import { useSessions } from '../api/getSessions';

/** The user's signed-in sessions, with "Sign out" on each other one and "Sign out everywhere else". */
export function SessionList() {
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const now = useNow(30_000);
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="account__card account__card--flush" aria-labelledby="sessions-title">
      <div className="account__card-head">
        <h2 id="sessions-title" className="account__card-title">
          Where you are signed in
        </h2>
        <button type="button" className="btn btn--secondary btn--sm" disabled={others === 0 || endOthers.isPending} onClick={() => endOthers.mutate()}>
          {endOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
        </button>
      </div>
      {endOthers.isSuccess && (
        <p className="account__padded account__muted" role="status">
          Signed out {endOthers.data.endedSessions} other session{endOthers.data.endedSessions === 1 ? '' : 's'}.
        </p>
      )}
      {sessions.isPending ? (
        <p className="account__padded account__muted" role="status">
          Loading sessions…
        </p>
      ) : sessions.isError ? (
        <div className="account__padded" role="alert">
          <p>Couldn’t load your sessions: {sessions.error.message}</p>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => void sessions.refetch()}>
            Try again
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
  const name = session.userAgent ? describeUserAgent(session.userAgent) : 'Unknown device';
  const Icon = /Android|iOS/.test(name) ? Smartphone : Monitor;
  const lastSeen = session.lastSeenAt ?? session.createdAt;
  return (
    <li className="account__row" data-testid="session">
      <Icon size={18} className="account__row-icon" aria-hidden />
      <div className="account__row-main">
        <p className="account__row-name" title={session.userAgent}>
          {name}
          {session.current && <span className="chip">This device</span>}
        </p>
        <p className="account__muted">
          Signed in <time dateTime={session.createdAt} title={formatFullDate(session.createdAt)}>{formatRelativeTime(session.createdAt, now)}</time>
          {' · '}
          {session.current ? (
            'active now'
          ) : (
            <>
              last seen <time dateTime={lastSeen} title={formatFullDate(lastSeen)}>{formatRelativeTime(lastSeen, now)}</time>
            </>
          )}
        </p>
      </div>
      {!session.current && (
        <button type="button" className="btn btn--ghost btn--sm" aria-label={`Sign out ${name}, signed in ${formatFullDate(session.createdAt)}`} onClick={onEnd}>
          Sign out
        </button>
      )}
    </li>
  );
}
