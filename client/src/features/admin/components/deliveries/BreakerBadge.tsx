import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import type { BreakerStateDto } from '@shared/schemas/delivery';
import { formatClock } from './deliveryLabels';

/** A provider's circuit breaker: closed, open until its next probe, or half-open (probing). */
export function BreakerBadge({ breaker }: { breaker: BreakerStateDto }) {
  const intl = useIntl();
  const failures = breaker.consecutiveFailures;
  return (
    <span className="breaker" data-testid="breaker-state" data-state={breaker.state}>
      <span className={clsx('status-badge', `breaker__badge--${breaker.state}`)}>
        <FormattedMessage id="admin.breaker.state" values={{ state: breaker.state }} />
      </span>
      {breaker.state === 'open' && breaker.retryAt && (
        <span className="breaker__note">
          <FormattedMessage
            id="admin.breaker.nextProbe"
            values={{ time: <time dateTime={breaker.retryAt}>{formatClock(intl, breaker.retryAt)}</time> }}
          />
        </span>
      )}
      {breaker.state === 'half_open' && <span className="breaker__note">
          <FormattedMessage id="admin.breaker.probing" />
        </span>}
      {breaker.state === 'closed' && failures > 0 && (
        <span className="breaker__note">
          <FormattedMessage id="admin.breaker.failures" values={{ count: failures }} />
        </span>
      )}
    </span>
  );
}
