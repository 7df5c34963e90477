import clsx from 'clsx';
import { RotateCw } from 'lucide-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { ConnectionSnapshot } from '../../../lib/connection';
import { useNow } from '../../../hooks/useNow';
import { useConnectionStatus } from '../hooks/useConnectionStatus';
import './connection.css';

function label(intl: IntlShape, { state, retryAt }: ConnectionSnapshot, now: number): string {
  switch (state) {
    case 'connected':
      return intl.formatMessage({ id: 'realtime.connected' });
    case 'connecting':
      return intl.formatMessage({ id: 'realtime.connecting' });
    case 'offline':
      return intl.formatMessage({ id: 'realtime.offline' });
    case 'reconnecting': {
      const seconds = Math.max(1, Math.ceil(((retryAt ?? now) - now) / 1000));
      return intl.formatMessage({ id: 'realtime.reconnectingIn' }, { seconds });
    }
  }
}

/** Header pill showing the realtime connection, with a live countdown while reconnecting. */
export function ConnectionStatus() {
  const intl = useIntl();
  const status = useConnectionStatus();
  const now = useNow(250, status.state === 'reconnecting');
  return (
    <div className="connection">
      <span
        className={clsx('connection__pill', `connection__pill--${status.state}`)}
        data-testid="connection-status"
        data-state={status.state}
        title={intl.formatMessage({ id: 'realtime.title' })}
      >
        <span className="connection__dot" aria-hidden />
        <span className="connection__label">{label(intl, status, now)}</span>
      </span>
      {/* Announce state changes, not every tick of the countdown. */}
      <span className="sr-only" role="status" aria-live="polite">
        {status.state === 'reconnecting' ? intl.formatMessage({ id: 'realtime.lost' }) : label(intl, status, now)}
      </span>
      {status.state === 'reconnecting' && (
        <button type="button" className="btn btn--ghost btn--sm connection__retry"
          aria-label={intl.formatMessage({ id: 'realtime.retryNow' })}
          onClick={status.retryNow}
        >
          <RotateCw size={14} aria-hidden />
          <span>
            <FormattedMessage id="realtime.retryNow" />
          </span>
        </button>
      )}
    </div>
  );
}
