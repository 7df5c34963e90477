import { z } from 'zod';
import { idCursorSchema, rowIdSchema } from './cursors.js';

/** Channels that leave the app. */
export const EXTERNAL_CHANNEL_NAMES = ['email', 'sms', 'push', 'slack', 'teams', 'whatsapp'] as const;
export type ExternalChannelName = (typeof EXTERNAL_CHANNEL_NAMES)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Outcome of one attempt. */
export type AttemptOutcome = 'sent' | 'transient_error' | 'permanent_error' | 'breaker_open';

export interface DeliveryAttemptDto {
  attempt: number;
  startedAt: string;
  latencyMs: number;
  outcome: AttemptOutcome;
  /** The provider called (`smtp:relay1.example.com:587`); a failover attempt has one entry per provider called. Null in rows from before it was kept. */
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
}

/** One external delivery with its attempts (admin timeline). */
export interface DeliveryDto {
  id: string;
  notificationId: string;
  notificationTitle: string;
  userId: string;
  userEmail: string;
  userName: string;
  /**
   * Where this channel reaches the user, as their profile says now: their email address (email), their
   * phone number in E.164 (SMS; null when they have none, so the SMS cannot go out), or null for push (it
   * goes to every device they subscribed).
   */
  address: string | null;
  channel: ExternalChannelName;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  providerMessageId: string | null;
  lastError: string | null;
  /** Index (0-based) of the step in the category's escalation ladder, or null when not an escalation step. */
  escalationStep: number | null;
  /** Why it was planned for later: quiet hours or an escalation step. */
  deferredReason: 'quiet_hours' | 'escalation' | null;
  createdAt: string;
  sentAt: string | null;
  attemptLog: DeliveryAttemptDto[];
}

/** Query of `GET /api/admin/deliveries`. */
export const listDeliveriesQuerySchema = z.strictObject({
  channel: z.enum(EXTERNAL_CHANNEL_NAMES).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  notificationId: rowIdSchema.optional(),
  sendId: rowIdSchema.optional(),
  cursor: idCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

export interface DeliveryPage {
  items: DeliveryDto[];
  nextCursor: string | null;
}

/** Circuit breaker of one provider. */
export interface BreakerStateDto {
  state: 'closed' | 'open' | 'half_open';
  consecutiveFailures: number;
  openedAt: string | null;
  /** When an open breaker lets the next probe through. */
  retryAt: string | null;
}

/** One provider of a channel and its circuit breaker. */
export interface ProviderStatusDto {
  /** Stable and free of secrets: `smtp:relay1.example.com:587`, `twilio`, `twilio:fallback`, `web-push`, `dev-outbox`. */
  provider: string;
  breaker: BreakerStateDto;
}

/**
 * Per channel: switch, providers, breakers and counts (`GET /api/admin/channels`). `provider` and
 * `breaker` are the first (preferred) provider's; `providers` lists them all in failover order.
 */
export interface ChannelStatusDto {
  channel: ExternalChannelName;
  enabled: boolean;
  provider: string;
  breaker: BreakerStateDto;
  providers: ProviderStatusDto[];
  counts: Record<DeliveryStatus, number>;
}

/** Body of `PATCH /api/admin/channels/{channel}`: the runtime switch. */
export const updateChannelSchema = z.strictObject({ enabled: z.boolean() });

/** Channels the dev outbox captures when no provider is configured for them. */
export const OUTBOX_CHANNELS = ['email', 'sms', 'slack', 'teams', 'whatsapp'] as const;

/** A dev-outbox message (email, SMS, Slack or Teams captured when no provider is configured; Slack's and Teams' `text` is the JSON posted). */
export interface OutboxMessageDto {
  id: string;
  channel: (typeof OUTBOX_CHANNELS)[number];
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

/**
 * Most push devices (subscriptions) one user keeps. Subscribing one more browser evicts the least
 * recently active one (server/services/push/savePushSubscription.ts): a new browser can always subscribe,
 * and every delivery makes at most this many calls to push services.
 */
export const MAX_PUSH_DEVICES_PER_USER = 10;

/** Body of `POST /api/push/subscriptions` (the browser's PushSubscription.toJSON()). */
export const pushSubscriptionSchema = z.strictObject({
  endpoint: z.url().max(2048).refine((u) => u.startsWith('https://'), 'Must be an https URL'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().min(1).max(200),
    auth: z.string().min(1).max(100),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** Body of `POST /api/push-actions/read`: the signed token from a push payload (the service worker has no session). */
export const pushReadSchema = z.strictObject({ token: z.string().min(1).max(1024) });

/** A push device as its owner sees it. */
export interface PushDeviceDto {
  id: string;
  userAgent: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Query of `GET /api/admin/outbox`. */
export const listOutboxQuerySchema = z.strictObject({
  channel: z.enum(OUTBOX_CHANNELS).optional(),
  cursor: idCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListOutboxQuery = z.infer<typeof listOutboxQuerySchema>;

/** One page of `GET /api/admin/outbox`. */
export interface OutboxPage {
  items: OutboxMessageDto[];
  nextCursor: string | null;
}
