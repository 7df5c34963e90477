import { z } from 'zod';
import type { Priority, SendStatus } from '../types.js';
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
  channels: ChannelOverrides | null;
  recipientCount: number;
  /** Recipients who have read it (0 until sent). */
  readCount: number;
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

/** The optional `Idempotency-Key` header of `POST /api/v1/notifications` (and of `POST /api/admin/sends`). */
export const idempotencyHeaderSchema = z.strictObject({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'Must be 1–255 visible ASCII characters')
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
