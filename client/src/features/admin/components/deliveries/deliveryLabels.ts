import type { AttemptOutcome, BreakerStateDto, DeliveryDto, DeliveryStatus } from '@shared/schemas/delivery';

/** Display names of delivery statuses. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  dead: 'Dead',
  cancelled: 'Cancelled',
};

/** What each status means, for tooltips and the status filter's hint. */
export const DELIVERY_STATUS_HINTS: Record<DeliveryStatus, string> = {
  pending: 'Waiting for its next attempt',
  sending: 'A worker is sending it now',
  sent: 'Accepted by the provider',
  failed: 'Failed for good (invalid address, device gone)',
  dead: 'Gave up after the last retry',
  cancelled: 'Not sent',
};

/** Display names of attempt outcomes. */
export const OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  sent: 'Sent',
  transient_error: 'Temporary error',
  permanent_error: 'Permanent error',
  breaker_open: 'Breaker open',
};

/** Display names of circuit-breaker states. */
export const BREAKER_LABELS: Record<BreakerStateDto['state'], string> = {
  closed: 'Closed',
  open: 'Open',
  half_open: 'Half-open',
};

/** Only deliveries the worker gave up on can be retried. */
export const isRetryable = (status: DeliveryStatus) => status === 'failed' || status === 'dead';

const timeWithSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "Mar 3, 2026, 14:02:31": attempts seconds apart need the seconds. */
export const formatPreciseTime = (iso: string) => timeWithSeconds.format(Date.parse(iso));

/** "14:02:31". */
export const formatClock = (iso: string) => clockFormat.format(Date.parse(iso));

const msFormat = new Intl.NumberFormat();

/** "120 ms", "5,003 ms". */
export function formatLatency(ms: number): string {
  return `${msFormat.format(ms)} ms`;
}

/**
 * The badge text of a delivery that waited, or null. Escalation steps wait by design and get their own
 * "Escalation step N" badge, so only quiet hours are called deferred.
 */
export function deferredLabel(reason: DeliveryDto['deferredReason']): string | null {
  return reason === 'quiet_hours' ? 'Deferred: quiet hours' : null;
}

/** Where a delivery goes, for admins: the channel's own address first, then whose it is. */
export interface DeliveryRecipient {
  /** The email address, the phone number ("No phone" when the user has none), or "All devices" for push. */
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
 * deliveryRecipient(smsDelivery) // { address: '+14155550123', person: 'Alice Example', missing: false }
 */
export function deliveryRecipient(delivery: DeliveryDto): DeliveryRecipient {
  if (delivery.channel === 'email') return { address: delivery.address ?? delivery.userEmail, person: null, missing: false };
  if (delivery.channel === 'sms') {
    return delivery.address
      ? { address: delivery.address, person: delivery.userName, missing: false }
      : { address: 'No phone', person: delivery.userName, missing: true };
  }
  return { address: 'All devices', person: delivery.userName, missing: false };
}

/** The recipient on one line: "+14155550123 (Alice Example)", "alice@example.com". */
export function formatDeliveryRecipient(delivery: DeliveryDto): string {
  const { address, person } = deliveryRecipient(delivery);
  return person ? `${address} (${person})` : address;
}
