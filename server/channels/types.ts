import type { Priority } from '../../shared/types.js';

/** The external channels; `in_app` is the inbox itself and never goes through the delivery worker. */
export const EXTERNAL_CHANNELS = ['email', 'sms', 'push'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

/** Everything a channel needs to deliver one notification to one person. */
export interface OutgoingMessage {
  deliveryId: string;
  /** 1 for the first try; providers that support idempotency keys get `deliveryId` as the key. */
  attempt: number;
  notification: {
    id: string;
    category: string;
    priority: Priority;
    title: string;
    body: string;
    /** Absolute URL (relative action URLs are resolved against PUBLIC_URL), or null. */
    actionUrl: string | null;
    createdAt: Date;
  };
  recipient: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    locale: string;
    timezone: string;
  };
}

/** What the provider answered for a successful send. */
export interface ChannelResult {
  providerMessageId: string | null;
}

/**
 * A failure that retrying cannot fix: invalid address or number, push subscription gone (404/410),
 * no device left. The worker stops at once.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * One way out of the app (nodemailer, twilio, web-push, or the dev outbox). Throw PermanentDeliveryError
 * for permanent failures; any other error counts as transient (retried with backoff).
 */
export interface DeliveryChannel {
  channel: ExternalChannel;
  /** Provider name for the circuit breaker and the admin UI: `smtp`, `twilio`, `web-push`, `dev-outbox`. */
  provider: string;
  send(message: OutgoingMessage): Promise<ChannelResult>;
  /** Releases connections (SMTP pool) at shutdown. */
  close?(): Promise<void>;
}
