import { z } from 'zod';
import type { PushDeviceDto } from '../../shared/schemas/delivery.js';
import type { ActResult } from '../../shared/schemas/actions.js';
import type {
  BulkActionResult,
  BulkUpdateResult,
  CategoriesResponse,
  DeleteNotificationResult,
  InboxCounts,
  NotificationDto,
  NotificationPage,
  UndoResult,
  UndoTicket,
  UpdateNotificationResult,
} from '../../shared/schemas/notification.js';
import { PRIORITIES } from '../../shared/types.js';
import type { VapidKeys } from '../services/push/loadOrCreateVapidKeys.js';
import type { Assert, Same } from './responses.js';

// The inbox API's response DTOs, mirrored in zod only to document them (as responses.ts does for /api/v1).
// The `Same<…>` checks at the bottom fail the type-check the moment a mirror drifts from its interface.

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601 UTC timestamp' });

/** One of `NotificationDto.actions` (and of `SendDto.actions`). */
export const notificationActionDtoSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    kind: z.enum(['url', 'acknowledge']),
    url: z.string().optional().meta({ description: 'Where a `url` action leads (absent for `acknowledge`)' }),
    style: z.enum(['primary', 'secondary']),
  })
  .meta({ id: 'NotificationAction' });

/** `NotificationDto`: the list items, and the payload of the socket's `notification.created` / `.updated`. */
export const notificationDtoSchema = z
  .object({
    id: z.string(),
    seq: z.number().int().meta({ description: "Per user, strictly increasing in commit order: the socket's reconnect replay key" }),
    category: z.string(),
    priority: z.enum(PRIORITIES),
    title: z.string().meta({ description: 'Plain text: render it escaped' }),
    body: z.string().meta({ description: 'Plain text: render it escaped' }),
    actionUrl: z.string().nullable().meta({ description: 'An absolute http(s) URL or a path on the host app' }),
    icon: z.string().nullable().meta({ description: "An https: image URL or a same-origin path (its own, else its category's); null: show the category glyph" }),
    actions: z.array(notificationActionDtoSchema).meta({ description: 'Up to two buttons; take one with `POST /api/notifications/{id}/actions/{actionId}`' }),
    actedActionId: z.string().nullable().meta({ description: 'The id of the action the recipient took (null until then)' }),
    actedAt: timestamp.nullable(),
    data: z.record(z.string(), z.unknown()).nullable().meta({ description: "The sender's JSON, as posted" }),
    createdAt: timestamp,
    seenAt: timestamp.nullable(),
    readAt: timestamp.nullable(),
    archivedAt: timestamp.nullable(),
    snoozedUntil: timestamp.nullable().meta({
      description:
        'While snoozed: when it wakes (then only in `status=snoozed`, and out of the counts). It wakes as new: unread, unseen, with a new `seq`, announced by `notification.created`',
    }),
    pinnedAt: timestamp.nullable().meta({ description: 'When the user pinned it; null when not pinned' }),
    deletedAt: timestamp
      .nullable()
      .meta({ description: 'Always null in lists; set in the socket event telling a deletion (`notification.updated`): drop the item' }),
  })
  .meta({ id: 'Notification' });

/** `ActResult`: the answer of taking an action. */
export const actResultSchema = z
  .object({
    notification: notificationDtoSchema,
    url: z.string().nullable().meta({ description: 'Where a `url` action leads (open it next); null for `acknowledge`' }),
  })
  .meta({ id: 'ActResult' });

/** `NotificationPage`. */
export const notificationPageSchema = z
  .object({
    items: z.array(notificationDtoSchema).meta({ description: 'Newest first (highest `seq` first); `status=snoozed`: soonest to wake first' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .meta({ id: 'NotificationPage' });

/** `InboxCounts`. */
export const inboxCountsSchema = z
  .object({
    unread: z.number().int(),
    unseen: z.number().int().meta({ description: 'What the bell badge shows' }),
    version: z.number().int().meta({ description: "Grows with every change to the user's inbox: drop counts older than those shown" }),
  })
  .meta({ id: 'InboxCounts' });

/** `UndoTicket`. */
const undoTicketSchema = z
  .object({
    token: z.string().meta({ description: 'Pass to `POST /notifications/undo`' }),
    expiresAt: timestamp.meta({ description: 'The undo is refused (410 `undo_expired`) from then on' }),
  })
  .meta({ id: 'UndoTicket' });

/** `BulkUpdateResult`. */
export const markAllResultSchema = z
  .object({
    updated: z.number().int().meta({ description: 'Notifications actually changed' }),
    counts: inboxCountsSchema,
    undo: undoTicketSchema.optional().meta({ description: 'read-all only, when it changed something' }),
  })
  .meta({ id: 'MarkAllResult' });

/** `UpdateNotificationResult`. */
export const updateNotificationResultSchema = notificationDtoSchema
  .extend({ undo: undoTicketSchema.optional().meta({ description: 'When this change archived the notification' }) })
  .meta({ id: 'UpdatedNotification' });

/** `DeleteNotificationResult`. */
export const deleteNotificationResultSchema = z.object({ undo: undoTicketSchema, counts: inboxCountsSchema }).meta({ id: 'DeletedNotification' });

/** `BulkActionResult`. */
export const bulkActionResultSchema = z
  .object({
    updated: z.number().int().meta({ description: "Notifications actually changed (other users' ids, missing ones and those already in that state are not counted)" }),
    counts: inboxCountsSchema,
    undo: undoTicketSchema.optional().meta({ description: 'For read, archive and delete, when something changed' }),
  })
  .meta({ id: 'BulkActionResult' });

/** `UndoResult`. */
export const undoResultSchema = z
  .object({
    restored: z.number().int().meta({ description: 'Notifications put back (those changed again since are left alone)' }),
    counts: inboxCountsSchema,
  })
  .meta({ id: 'UndoResult' });

/** `CategoriesResponse`. */
export const inboxCategoriesSchema = z
  .object({
    categories: z.array(z.string()).meta({ description: 'Keys, sorted by key (kept for older clients; prefer `items`)' }),
    items: z
      .array(z.object({ key: z.string(), label: z.string().meta({ description: "The admin's label, or the key when it has none" }) }))
      .meta({ description: 'Sorted by label: what a filter menu shows' }),
  })
  .meta({ id: 'InboxCategories' });

/** `PushDeviceDto`. */
export const pushDeviceSchema = z
  .object({ id: z.string(), userAgent: z.string(), createdAt: timestamp, lastUsedAt: timestamp.nullable() })
  .meta({ id: 'PushDevice' });

/** Answer of `GET /api/push/subscriptions`. */
export const pushDeviceListSchema = z.object({ items: z.array(pushDeviceSchema) }).meta({ id: 'PushDeviceList' });

/** Answer of `GET /api/push/vapid-public-key`. */
export const vapidPublicKeySchema = z
  .object({ publicKey: z.string().meta({ description: "The VAPID public key (base64url): PushManager.subscribe's `applicationServerKey`" }) })
  .meta({ id: 'VapidPublicKey' });

/**
 * Fails the type check when a response schema and the type the route sends drift apart. Exported only so
 * the compiler keeps it; nothing imports it.
 *
 * @public
 */
export type InboxMirrorsMatchInterfaces = [
  Assert<Same<z.infer<typeof notificationDtoSchema>, NotificationDto>>,
  Assert<Same<z.infer<typeof notificationPageSchema>, NotificationPage>>,
  Assert<Same<z.infer<typeof actResultSchema>, ActResult>>,
  Assert<Same<z.infer<typeof inboxCountsSchema>, InboxCounts>>,
  Assert<Same<z.infer<typeof markAllResultSchema>, BulkUpdateResult>>,
  Assert<Same<z.infer<typeof undoTicketSchema>, UndoTicket>>,
  Assert<Same<z.infer<typeof updateNotificationResultSchema>, UpdateNotificationResult>>,
  Assert<Same<z.infer<typeof deleteNotificationResultSchema>, DeleteNotificationResult>>,
  Assert<Same<z.infer<typeof bulkActionResultSchema>, BulkActionResult>>,
  Assert<Same<z.infer<typeof undoResultSchema>, UndoResult>>,
  Assert<Same<z.infer<typeof inboxCategoriesSchema>, CategoriesResponse>>,
  Assert<Same<z.infer<typeof pushDeviceSchema>, PushDeviceDto>>,
  // routes/push.ts types its answers inline: `{ items: PushDeviceDto[] }` and `{ publicKey }` of the VAPID keys.
  Assert<Same<z.infer<typeof pushDeviceListSchema>, { items: PushDeviceDto[] }>>,
  Assert<Same<z.infer<typeof vapidPublicKeySchema>, Pick<VapidKeys, 'publicKey'>>>,
];
