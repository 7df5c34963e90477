import type { NotificationAction } from '../../shared/schemas/actions.js';
import type { Priority } from '../../shared/types.js';

/** The external channels; `in_app` is the inbox itself and never goes through the delivery worker. */
export const EXTERNAL_CHANNELS = ['email', 'sms', 'push', 'slack', 'teams', 'whatsapp'] as const;
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
    /** The icon as stored (an https: URL or a path), or null; each channel resolves it (richLinks.ts absoluteIconUrl). */
    icon: string | null;
    /** Its action buttons as stored (url actions' links not yet resolved; see server/channels/richLinks.ts). */
    actions: NotificationAction[];
    createdAt: Date;
  };
  recipient: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    /** Their Slack member id when known (set through the v1 users API, or found from their email before); absent where no Slack message is made (digests). */
    slackUserId?: string | null;
    /** Their Teams incoming webhook / Workflows URL (a bearer secret: never logged); absent where no Teams card is made (digests). */
    teamsWebhookUrl?: string | null;
    locale: string;
    timezone: string;
  };
}

/** What the provider answered for a successful send. */
export interface ChannelResult {
  providerMessageId: string | null;
  /**
   * Something that went wrong within this send and was recovered (a push service's 413 answered with the
   * minimal payload); kept in the attempt log beside the success, so the admin timeline shows both.
   */
  note?: string;
}

/**
 * A failure that retrying cannot fix: invalid address or number, push subscription gone (404/410),
 * no device left. The worker stops at once.
 */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * A transient failure whose provider said when to come back (Slack's or Twilio's `429` + `Retry-After`): the
 * worker retries no sooner than `retryAfterMs` from now, even if its backoff would come back earlier.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  /** How long the provider asked us to wait, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: ErrorOptions) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * One way out of the app (nodemailer, twilio, web-push, or the dev outbox). Throw PermanentDeliveryError
 * for permanent failures; any other error counts as transient (retried with backoff).
 */
export interface DeliveryChannel {
  channel: ExternalChannel;
  /** Provider name for the circuit breaker and the admin UI: `smtp:<host>:<port>`, `twilio`, `twilio:whatsapp`, `web-push`, `slack`, `teams-webhook`, `dev-outbox`. */
  provider: string;
  /**
   * True when each recipient has an endpoint of their own (a Teams webhook URL): one person's broken URL says
   * nothing about the provider, so its failures feed no circuit breaker (else one bad URL would hold
   * everyone's cards); deliveries back off one by one instead.
   */
  perRecipientEndpoint?: boolean;
  send(message: OutgoingMessage): Promise<ChannelResult>;
  /** Releases connections (SMTP pool) at shutdown. */
  close?(): Promise<void>;
}

/** The digest periods a category's email can wait for. */
export type DigestPeriod = 'hourly' | 'daily';

/** One notification in a digest, as stored (the channel makes its link absolute). */
export interface DigestItem {
  id: string;
  title: string;
  body: string;
  actionUrl: string | null;
  createdAt: Date;
}

/** One digest email: a user's unread notifications of one period, grouped by category. */
export interface DigestMessage {
  /** The DigestRun id: stable across retries, so it keys the Message-ID and the dev outbox entry. */
  digestId: string;
  period: DigestPeriod;
  recipient: OutgoingMessage['recipient'];
  /**
   * Non-empty groups, in display order. `locked`: the category is critical (it may have become so after
   * these notifications were queued), so its group offers no unsubscribe link.
   */
  groups: { category: string; label: string; locked: boolean; notifications: DigestItem[] }[];
}

/** A channel that can also send digests (only email does). Errors follow DeliveryChannel's rules. */
export interface DigestCapable {
  sendDigest(message: DigestMessage): Promise<ChannelResult>;
}

/** True when the channel can send digests. */
export function canSendDigest(channel: DeliveryChannel): channel is DeliveryChannel & DigestCapable {
  return typeof (channel as Partial<DigestCapable>).sendDigest === 'function';
}
