import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import type { DeliveryDto } from '@shared/schemas/delivery';
import { CHANNEL_NAMES } from '../../../preferences';
import { deferredLabel, formatDeliveryRecipient, formatLatency, formatPreciseTime, OUTCOME_LABELS } from './deliveryLabels';
import './deliveries.css';

/** When a delivery's life ends, or what happens next. */
function NextStep({ delivery }: { delivery: DeliveryDto }) {
  const intl = useIntl();
  const at = (iso: string) => ({ when: formatPreciseTime(intl, iso) });
  if (delivery.status === 'sent' && delivery.sentAt) return <FormattedMessage id="admin.delivery.next.delivered" values={at(delivery.sentAt)} />;
  if (delivery.status === 'sending') return <FormattedMessage id="admin.delivery.next.sending" />;
  const escalates = delivery.escalationStep != null;
  if (delivery.status === 'cancelled' && escalates) return <FormattedMessage id="admin.delivery.next.readFirst" />;
  if (delivery.nextAttemptAt && delivery.attempts === 0) {
    if (escalates) return <FormattedMessage id="admin.delivery.next.ifUnread" values={at(delivery.nextAttemptAt)} />;
    if (delivery.deferredReason === 'quiet_hours') return <FormattedMessage id="admin.delivery.next.quietHours" values={at(delivery.nextAttemptAt)} />;
  }
  if (delivery.nextAttemptAt) return <FormattedMessage id="admin.delivery.next.attempt" values={at(delivery.nextAttemptAt)} />;
  if (delivery.status === 'dead') return <FormattedMessage id="admin.delivery.statusHint.dead" />;
  if (delivery.status === 'failed') return <FormattedMessage id="admin.delivery.next.stopped" />;
  return null;
}

/**
 * One delivery's attempts in time order: when, how long, what the provider said. Used on the deliveries
 * page and on a send's detail page.
 */
export function DeliveryTimeline({ delivery }: { delivery: DeliveryDto }) {
  // `??`: servers from before escalation leave both fields out.
  const intl = useIntl();
  const step = delivery.escalationStep ?? null;
  const deferred = deferredLabel(intl, delivery.deferredReason ?? null);
  const channel = intl.formatMessage({ id: CHANNEL_NAMES[delivery.channel] });
  return (
    <div className="delivery-timeline" data-testid="delivery-timeline">
      {(step !== null || deferred) && (
        <p className="delivery-timeline__badges">
          {step !== null && (
            <span className="routing-badge routing-badge--escalation" data-testid="escalation-step-badge">
              <FormattedMessage id="admin.delivery.escalationStep" values={{ step: step + 1 }} />
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
        <FormattedMessage
          id="admin.delivery.summary"
          values={{ channel, recipient: <strong>{formatDeliveryRecipient(intl, delivery)}</strong>, when: formatPreciseTime(intl, delivery.createdAt) }}
        />{' '}
        <NextStep delivery={delivery} />
        {delivery.providerMessageId && (
          <>
            {' '}
            · <FormattedMessage id="admin.delivery.providerId" /> <code className="mono">{delivery.providerMessageId}</code>
          </>
        )}
      </p>
      {delivery.attemptLog.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="admin.delivery.noAttempts" />
        </p>
      ) : (
        <ol className="attempt-list" aria-label={intl.formatMessage({ id: 'admin.delivery.attemptsLabel' }, { channel })}>
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
                  <span className="attempt__number">
                    <FormattedMessage id="admin.delivery.attempt" values={{ number: attempt.attempt }} />
                  </span>
                  <span className="attempt__outcome">
                    <FormattedMessage id={OUTCOME_LABELS[attempt.outcome]} />
                  </span>
                </p>
                <dl className="attempt__facts">
                  <div>
                    <dt>
                      <FormattedMessage id="admin.deliveries.col.time" />
                    </dt>
                    <dd>
                      <time dateTime={attempt.startedAt}>{formatPreciseTime(intl, attempt.startedAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>
                      <FormattedMessage id="admin.delivery.latencyLabel" />
                    </dt>
                    <dd>{formatLatency(intl, attempt.latencyMs)}</dd>
                  </div>
                  {attempt.provider && (
                    <div>
                      <dt>
                        <FormattedMessage id="admin.delivery.providerLabel" />
                      </dt>
                      <dd className="mono" data-testid="attempt-provider">
                        {attempt.provider}
                      </dd>
                    </div>
                  )}
                  {attempt.providerMessageId && (
                    <div>
                      <dt>
                        <FormattedMessage id="admin.delivery.providerId" />
                      </dt>
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
