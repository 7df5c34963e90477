import { z } from 'zod';
import { rowIdSchema } from './cursors.js';

// Outgoing webhooks (issue 13): admins register endpoints told about events, signed per Standard Webhooks.

/**
 * The events an endpoint may subscribe to: a notification created (one per recipient), read (by its
 * recipient, in the app), an external delivery that failed for good (permanent error or retries
 * exhausted), and a send whose notifications are all created.
 */
export const WEBHOOK_EVENT_TYPES = ['notification.created', 'notification.read', 'delivery.failed', 'send.completed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The states of one message to one endpoint: waiting (or retrying), being sent, delivered, or given up. */
export const WEBHOOK_MESSAGE_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type WebhookMessageStatus = (typeof WEBHOOK_MESSAGE_STATUSES)[number];

const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'Must not repeat an event type');

/**
 * Body of `POST /api/admin/webhooks`. `url` must also pass the outbound URL rule (https, public host:
 * checked by the service, a 400 naming `url`).
 */
export const createWebhookEndpointSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  description: z.string().trim().max(200).default(''),
  eventTypes: eventTypesSchema,
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

/** Body of `PATCH /api/admin/webhooks/:id`: any of the fields; `enabled: true` also clears the failure count. */
export const updateWebhookEndpointSchema = z
  .strictObject({
    url: z.string().min(1).max(2048),
    description: z.string().trim().max(200),
    eventTypes: eventTypesSchema,
    enabled: z.boolean(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Must change at least one field');
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

/** Query of `GET /api/admin/webhooks/:id/messages`: the newest first, `limit` of them (default 50). */
export const listWebhookMessagesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Path of the routes on one message: `/api/admin/webhooks/:id/messages/:messageId/resend`. */
export const webhookMessageParamsSchema = z.strictObject({
  id: rowIdSchema,
  messageId: rowIdSchema,
});

/** An endpoint in lists and edits: never its secret (only create and rotate answer with it). */
export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** `failures`: turned off by the server after WEBHOOK_DISABLE_AFTER failed attempts in a row; null otherwise. */
  disabledReason: 'failures' | null;
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/admin/webhooks`: every endpoint, the oldest first. */
export interface WebhookEndpointList {
  items: WebhookEndpointDto[];
}

/** The answer of create and rotate: the endpoint and its signing secret (`whsec_…`), shown this once. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointDto;
  secret: string;
}

/** One line of an endpoint's delivery log. */
export interface WebhookMessageDto {
  id: string;
  /** The `webhook-id` header (the same on every retry and resend). */
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookMessageStatus;
  attempts: number;
  /** The endpoint's last HTTP status; null before the first attempt or when it did not answer. */
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  createdAt: string;
}

/** `GET /api/admin/webhooks/:id/messages`: the endpoint's newest messages first. */
export interface WebhookMessageList {
  items: WebhookMessageDto[];
}
