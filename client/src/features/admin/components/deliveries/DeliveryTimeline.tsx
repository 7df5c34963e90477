import clsx from 'clsx';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { CHANNEL_LABELS } from '../../utils/format';
import { deferredLabel, formatDeliveryRecipient, formatLatency, formatPreciseTime, OUTCOME_LABELS } from './deliveryLabels';
import './deliveries.css';

/** When a delivery's life ends, or what happens next. */
function NextStep({ delivery }: { delivery: DeliveryDto }) {
  if (delivery.status === 'sent' && delivery.sentAt) return <>Delivered {formatPreciseTime(delivery.sentAt)}</>;
  if (delivery.status === 'sending') return <>Being sent now</>;
  const escalates = delivery.escalationStep != null;
  if (delivery.status === 'cancelled' && escalates) return <>Cancelled: the notification was read first</>;
  if (delivery.nextAttemptAt && delivery.attempts === 0) {
    if (escalates) return <>Sends {formatPreciseTime(delivery.nextAttemptAt)} if still unread</>;
    if (delivery.deferredReason === 'quiet_hours') return <>Waits until quiet hours end, {formatPreciseTime(delivery.nextAttemptAt)}</>;
  }
  if (delivery.nextAttemptAt) return <>Next attempt {formatPreciseTime(delivery.nextAttemptAt)}</>;
  if (delivery.status === 'dead') return <>Gave up after the last retry</>;
  if (delivery.status === 'failed') return <>Stopped: retrying cannot fix this error</>;
  return null;
}

/**
 * One delivery's attempts in time order: when, how long, what the provider said. Used on the deliveries
 * page and on a send's detail page.
 */
export function DeliveryTimeline({ delivery }: { delivery: DeliveryDto }) {
  // `??`: servers from before escalation leave both fields out.
  const step = delivery.escalationStep ?? null;
  const deferred = deferredLabel(delivery.deferredReason ?? null);
  return (
    <div className="delivery-timeline" data-testid="delivery-timeline">
      {(step !== null || deferred) && (
        <p className="delivery-timeline__badges">
          {step !== null && (
            <span className="routing-badge routing-badge--escalation" data-testid="escalation-step-badge">
              Escalation step {step + 1}
            </span>
          )}
          {deferred && (
            <span className="routing-badge routing-badge--deferred" data-testid="deferred-badge">
              {deferred}
            </span>
          )}
        </p>
      )}
      <p className="delivery-timeline__summary">
        {CHANNEL_LABELS[delivery.channel]} to <strong>{formatDeliveryRecipient(delivery)}</strong>, queued {formatPreciseTime(delivery.createdAt)}.{' '}
        <NextStep delivery={delivery} />
        {delivery.providerMessageId && (
          <>
            {' '}
            · Provider id <code className="mono">{delivery.providerMessageId}</code>
          </>
        )}
      </p>
      {delivery.attemptLog.length === 0 ? (
        <p className="muted">No attempts yet.</p>
      ) : (
        <ol className="attempt-list" aria-label={`Attempts of the ${CHANNEL_LABELS[delivery.channel]} delivery`}>
          {delivery.attemptLog.map((attempt, index) => (
            <li
              key={`${attempt.startedAt}-${index}`}
              className={clsx('attempt', `attempt--${attempt.outcome}`)}
              data-testid="delivery-attempt"
              data-outcome={attempt.outcome}
            >
              <span className="attempt__dot" aria-hidden />
              <div className="attempt__body">
                <p className="attempt__head">
                  <span className="attempt__number">Attempt {attempt.attempt}</span>
                  <span className="attempt__outcome">{OUTCOME_LABELS[attempt.outcome]}</span>
                </p>
                <dl className="attempt__facts">
                  <div>
                    <dt>Time</dt>
                    <dd>
                      <time dateTime={attempt.startedAt}>{formatPreciseTime(attempt.startedAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>Latency</dt>
                    <dd>{formatLatency(attempt.latencyMs)}</dd>
                  </div>
                  {attempt.providerMessageId && (
                    <div>
                      <dt>Provider id</dt>
                      <dd className="mono">{attempt.providerMessageId}</dd>
                    </div>
                  )}
                </dl>
                {attempt.error && <p className="attempt__error">{attempt.error}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
