import type { IntlShape } from 'react-intl';
import type { AttemptOutcome, DeliveryDto, DeliveryStatus } from '@shared/schemas/delivery';

/** Display names of delivery statuses (catalog messages). */
export const DELIVERY_STATUS_LABELS = {
  pending: 'admin.delivery.status.pending',
  sending: 'admin.delivery.status.sending',
  sent: 'admin.delivery.status.sent',
  failed: 'admin.delivery.status.failed',
  dead: 'admin.delivery.status.dead',
  cancelled: 'admin.delivery.status.cancelled',
} as const satisfies Record<DeliveryStatus, string>;

/** What each status means, for tooltips and the status filter's hint (catalog messages). */
export const DELIVERY_STATUS_HINTS = {
  pending: 'admin.delivery.statusHint.pending',
  sending: 'admin.delivery.statusHint.sending',
  sent: 'admin.delivery.statusHint.sent',
  failed: 'admin.delivery.statusHint.failed',
  dead: 'admin.delivery.statusHint.dead',
  cancelled: 'admin.delivery.statusHint.cancelled',
} as const satisfies Record<DeliveryStatus, string>;

/** Display names of attempt outcomes (catalog messages). */
export const OUTCOME_LABELS = {
  sent: 'admin.delivery.outcome.sent',
  transient_error: 'admin.delivery.outcome.transient_error',
  permanent_error: 'admin.delivery.outcome.permanent_error',
  breaker_open: 'admin.delivery.outcome.breaker_open',
} as const satisfies Record<AttemptOutcome, string>;

/** Only deliveries the worker gave up on can be retried. */
export const isRetryable = (status: DeliveryStatus) => status === 'failed' || status === 'dead';

/** "Mar 3, 2026, 14:02:31" in the reader's locale: attempts seconds apart need the seconds. */
export const formatPreciseTime = (intl: IntlShape, iso: string) => intl.formatDate(Date.parse(iso), { dateStyle: 'medium', timeStyle: 'medium' });

/** "14:02:31" in the reader's locale. */
export const formatClock = (intl: IntlShape, iso: string) => intl.formatTime(Date.parse(iso), { timeStyle: 'medium' });

/** "120 ms", "5,003 ms" ("5 003 ms"). */
export function formatLatency(intl: IntlShape, ms: number): string {
  return intl.formatMessage({ id: 'admin.delivery.latency' }, { ms });
}

/**
 * The badge text of a delivery that waited, or null. Escalation steps wait by design and get their own
 * "Escalation step N" badge, so only quiet hours are called deferred.
 */
export function deferredLabel(intl: IntlShape, reason: DeliveryDto['deferredReason']): string | null {
  return reason === 'quiet_hours' ? intl.formatMessage({ id: 'admin.delivery.deferredQuietHours' }) : null;
}

/** Where a delivery goes, for admins: the channel's own address first, then whose it is. */
export interface DeliveryRecipient {
  /** The email address, the phone number ("No phone" when the user has none), "All devices" for push, or where a Slack or Teams message goes. */
  address: string;
  /**
   * Whose address it is (their name) for SMS and push; null for email, whose address already says who.
   * A name, not the email address: next to a phone number an email address reads as where the SMS went.
   */
  person: string | null;
  /** True when the channel has nothing to send to (an SMS for someone without a phone number). */
  missing: boolean;
}

/**
 * The recipient of a delivery as its channel sees it: an SMS goes to a phone number, never to the email
 * address, so that is what the tables and timelines show.
 *
 * @example
 * deliveryRecipient(intl, smsDelivery) // { address: '+14155550123', person: 'Alice Example', missing: false }
 */
export function deliveryRecipient(intl: IntlShape, delivery: DeliveryDto): DeliveryRecipient {
  if (delivery.channel === 'email') return { address: delivery.address ?? delivery.userEmail, person: null, missing: false };
  if (delivery.channel === 'sms' || delivery.channel === 'whatsapp') {
    return delivery.address
      ? { address: delivery.address, person: delivery.userName, missing: false }
      : { address: intl.formatMessage({ id: 'admin.delivery.noPhone' }), person: delivery.userName, missing: true };
  }
  // Slack and Teams have no address to show (a member id, a secret webhook URL): say where it goes.
  const where = delivery.channel === 'slack' ? 'admin.delivery.slackDirectMessage' : delivery.channel === 'teams' ? 'admin.delivery.teamsWebhook' : 'admin.delivery.allDevices';
  return { address: intl.formatMessage({ id: where }), person: delivery.userName, missing: false };
}

/** The recipient on one line: "+14155550123 (Alice Example)", "alice@example.com". */
export function formatDeliveryRecipient(intl: IntlShape, delivery: DeliveryDto): string {
  const { address, person } = deliveryRecipient(intl, delivery);
  return person ? `${address} (${person})` : address;
}
