import clsx from 'clsx';
import { RotateCw } from 'lucide-react';
import type { ConnectionSnapshot } from '../../../lib/connection';
import { useNow } from '../../../hooks/useNow';
import { useConnectionStatus } from '../hooks/useConnectionStatus';
import './connection.css';

function label({ state, retryAt }: ConnectionSnapshot, now: number): string {
  switch (state) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'offline':
      return 'Offline';
    case 'reconnecting': {
      const seconds = Math.max(1, Math.ceil(((retryAt ?? now) - now) / 1000));
      return `Reconnecting in ${seconds} s`;
    }
  }
}

/** Header pill showing the realtime connection, with a live countdown while reconnecting. */
export function ConnectionStatus() {
  const status = useConnectionStatus();
  const now = useNow(250, status.state === 'reconnecting');
  return (
    <div className="connection">
      <span
        className={clsx('connection__pill', `connection__pill--${status.state}`)}
        data-testid="connection-status"
        data-state={status.state}
        title="Realtime connection"
      >
        <span className="connection__dot" aria-hidden />
        <span className="connection__label">{label(status, now)}</span>
      </span>
      {/* Announce state changes, not every tick of the countdown. */}
      <span className="sr-only" role="status" aria-live="polite">
        {status.state === 'reconnecting' ? 'Connection lost, reconnecting' : label(status, now)}
      </span>
      {status.state === 'reconnecting' && (
        <button type="button" className="btn btn--ghost btn--sm connection__retry"
          aria-label="Retry now"
          onClick={status.retryNow}
        >
          <RotateCw size={14} aria-hidden />
          <span>Retry now</span>
        </button>
      )}
    </div>
  );
}
