import clsx from 'clsx';
import type { BreakerStateDto } from '@shared/schemas/delivery';
import { BREAKER_LABELS, formatClock } from './deliveryLabels';

/** A provider's circuit breaker: closed, open until its next probe, or half-open (probing). */
export function BreakerBadge({ breaker }: { breaker: BreakerStateDto }) {
  const failures = breaker.consecutiveFailures;
  return (
    <span className="breaker" data-testid="breaker-state" data-state={breaker.state}>
      <span className={clsx('status-badge', `breaker__badge--${breaker.state}`)}>Breaker {BREAKER_LABELS[breaker.state].toLowerCase()}</span>
      {breaker.state === 'open' && breaker.retryAt && (
        <span className="breaker__note">
          next probe at <time dateTime={breaker.retryAt}>{formatClock(breaker.retryAt)}</time>
        </span>
      )}
      {breaker.state === 'half_open' && <span className="breaker__note">letting one probe through</span>}
      {breaker.state === 'closed' && failures > 0 && (
        <span className="breaker__note">
          {failures} failure{failures === 1 ? '' : 's'} in a row
        </span>
      )}
    </span>
  );
}
