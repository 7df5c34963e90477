import { z } from 'zod';
import type { Priority, SendStatus } from '../types.js';
import type { ActionCount, NotificationAction } from './actions.js';
import { idCursorSchema, rowIdSchema } from './cursors.js';
import { createNotificationSchema, type ChannelOverrides, type Recipient } from './notification.js';

/** Who made a send: an admin in the composer or a service with an API key. */
export interface SendSender {
  type: 'admin' | 'api_key';
  id: string | null;
  /** The admin's name or the API key's name (null when it has been deleted). */
  name: string | null;
}

/** A send as `GET /api/v1/sends/{id}` and the admin history show it. */
export interface SendDto {
  id: string;
  status: SendStatus;
  createdAt: string;
  scheduledAt: string | null;
  sentAt: string | null;
  cancelledAt: string | null;
  sender: SendSender;
  to: Recipient[];
  category: string;
  priority: Priority;
  title: string;
  body: string;
  actionUrl: string | null;
  icon: string | null;
  actions: NotificationAction[];
  channels: ChannelOverrides | null;
  recipientCount: number;
  /** Recipients who have read it (0 until sent). */
  readCount: number;
  /** Per action, in the send's order: how many recipients took it (each recipient answers once). */
  actionCounts: ActionCount[];
  lastError: string | null;
}

/** Query of `GET /api/admin/sends`. */
export const listSendsQuerySchema = z.strictObject({
  status: z.enum(['scheduled', 'processing', 'sent', 'cancelled', 'failed']).optional(),
  cursor: idCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListSendsQuery = z.infer<typeof listSendsQuerySchema>;

export interface SendPage {
  items: SendDto[];
  nextCursor: string | null;
}

/** One recipient of a send with their read state (`GET /api/admin/sends/{id}/recipients`). */
export interface SendRecipientDto {
  userId: string;
  name: string;
  email: string;
  notificationId: string;
  readAt: string | null;
  seenAt: string | null;
  archivedAt: string | null;
  /** The action this recipient took (an id of the send's `actions`) and when; null until then. */
  actedActionId: string | null;
  actedAt: string | null;
}

export interface SendRecipientPage {
  items: SendRecipientDto[];
  nextCursor: string | null;
}

/** Body of `POST /api/admin/sends/preview`: how many people a `to` reaches, before sending. */
export const previewRecipientsSchema = z.strictObject({ to: createNotificationSchema.shape.to });
export interface RecipientPreview {
  recipientCount: number;
}

/** Path of `/api/v1/sends/{id}` and `/api/admin/sends/{id}`. */
export const sendIdParamsSchema = z.strictObject({
  id: rowIdSchema.meta({ description: 'The `sendId` returned when posting' }),
});

/** An Idempotency-Key: the header of one send, or the `idempotencyKey` of one bulk item. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'Must be 1–255 visible ASCII characters');

/** The optional `Idempotency-Key` header of `POST /api/v1/notifications` (and of `POST /api/admin/sends`). */
export const idempotencyHeaderSchema = z.strictObject({
  'Idempotency-Key': idempotencyKeySchema
    .optional()
    .meta({
      description:
        'Any unique string (a UUID). Retrying with the same key and body returns the original answer instead of ' +
        'sending twice; keys are kept at least 24 h per API key. The key is recorded in the same transaction as ' +
        'the send: a request that failed or never committed (a crash) leaves the key unused, and a retry sent ' +
        'while the first request still runs waits for it and gets its answer. The same key with a different ' +
        'body is a 422 `idempotency_key_reused`.',
      example: '5f1c1f0e-8a4b-4a43-9d55-8c0f4b8f7d10',
    }),
});

/** Query of `GET /api/admin/sends/{id}/recipients`: the cursor is the last notification id of the previous page. */
export const listSendRecipientsQuerySchema = z.strictObject({ cursor: idCursorSchema.optional() });

/** Items one `POST /api/v1/notifications/bulk` may carry. */
export const BULK_MAX_ITEMS = 1000;

/**
 * Notifications one bulk request may create in all (its items' audiences added up; `all` and topics count
 * their members). Bulk is for many different notifications; broadcasts go through `POST /notifications`.
 */
export const BULK_MAX_NOTIFICATIONS = 10_000;

/**
 * Body of `POST /api/v1/notifications/bulk`: many different notifications in one request (like Novu's
 * `/v1/events/trigger/bulk`). Only the envelope is checked here; each item is checked on its own against
 * `bulkItemSchema` (and the size and depth limits of a single post), so one bad item is a 4xx in its own
 * result and the others still go out.
 */
export const bulkSendSchema = z.strictObject({
  notifications: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS),
});

/** One bulk item: a `POST /api/v1/notifications` body plus its own optional Idempotency-Key. */
export const bulkItemSchema = createNotificationSchema.extend({ idempotencyKey: idempotencyKeySchema.optional() });
export type BulkItemInput = z.infer<typeof bulkItemSchema>;

/**
 * One item's result in the bulk answer (200 `{ results }`, in request order): the status and body the
 * same request alone to `POST /api/v1/notifications` would have got (202 + CreateNotificationResult, or
 * a 4xx/503 error body whose `details` name fields from the request's root: `notifications.3.title`),
 * `replayed` when an item's Idempotency-Key was used before (its stored answer), and `retryAfterSeconds`
 * when the item alone would have been answered with `Retry-After` (503 `overloaded` / `service_unavailable`).
 */
export interface BulkItemResult {
  status: number;
  body: unknown;
  replayed?: boolean;
  retryAfterSeconds?: number;
}
