import { z } from 'zod';
import { CHANNELS, INBOX_STATUSES, PRIORITIES, type SendStatus } from '../types.js';
import { ACTION_URL_MAX } from '../urls.js';
import { actionUrlSchema } from './actionUrl.js';
import { iconSchema, notificationActionsSchema, type NotificationAction } from './actions.js';
import { decodeSnoozeCursor, rowIdSchema, seqCursorSchema } from './cursors.js';

/** Limits shared by validation on both sides, so the client can show them before the server refuses. */
export const LIMITS = {
  titleMax: 200,
  bodyMax: 5000,
  categoryMax: 64,
  actionUrlMax: ACTION_URL_MAX,
  dataMaxBytes: 16 * 1024,
  recipientsMax: 1000,
  /** Distinct topics one send may name: each is read in full, so this bounds the work of one request. */
  topicsPerSendMax: 20,
  keyMax: 64,
  externalIdMax: 128,
  pageSizeMax: 100,
} as const;

/** Category keys are lower-case slugs: `billing`, `security.login`. */
export const categoryKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.categoryMax)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Must be a lower-case slug (a-z, 0-9, ".", "_", "-")');

/** Arbitrary JSON attached to a notification, capped in serialized size. */
export const notificationDataSchema = z
  .record(z.string(), z.unknown())
  .refine((data) => new TextEncoder().encode(JSON.stringify(data)).length <= LIMITS.dataMaxBytes, {
    message: `Must serialize to at most ${LIMITS.dataMaxBytes} bytes`,
  });

/** Topic keys: lower-case slugs like `release-notes`. */
export const topicKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.keyMax)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Must be a lower-case slug (a-z, 0-9, ".", "_", "-")');

/** A user's id in the calling system (`PUT /api/v1/users/{externalId}`). */
export const externalIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.externalIdMax)
  // Control characters too: NUL cannot be stored by PostgreSQL, and a user token's `sub` reaches the lookup
  // without the request-wide text check (it is not a body field).
  // Invisible format characters too (U+202E and the like): an id that reads as another in the admin pages.
  .regex(/^[^/\s\u0000-\u001f\u007f\p{Cf}]+$/u, 'Must not contain "/", spaces, control or invisible characters');

/** One recipient selector; a send's recipients are the deduplicated union of its selectors. */
export const recipientSchema = z.union([
  z.strictObject({ userId: z.string().min(1).max(64) }),
  z.strictObject({ email: z.email().max(320) }),
  z.strictObject({ externalId: externalIdSchema }),
  z.strictObject({ topic: topicKeySchema }),
  z.strictObject({ all: z.literal(true) }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

/**
 * A send's `to`: 1–1000 selectors naming at most LIMITS.topicsPerSendMax distinct topics (repeats collapse
 * and cost nothing). The first topic over the limit is named (`to.21.topic`).
 */
export const recipientListSchema = z
  .array(recipientSchema)
  .min(1)
  .max(LIMITS.recipientsMax)
  .superRefine((to, ctx) => {
    const topics = new Set<string>();
    for (const [index, selector] of to.entries()) {
      if (!('topic' in selector) || topics.has(selector.topic)) continue;
      topics.add(selector.topic);
      if (topics.size > LIMITS.topicsPerSendMax) {
        ctx.addIssue({ code: 'custom', path: [index, 'topic'], message: `At most ${LIMITS.topicsPerSendMax} different topics per send` });
        return;
      }
    }
  });

/** Per-send channel switches; omitted channels follow the category and priority (issue 4 routes them). */
export const channelOverridesSchema = z.partialRecord(z.enum(CHANNELS), z.boolean());
export type ChannelOverrides = z.infer<typeof channelOverridesSchema>;

/**
 * Body of `POST /api/v1/notifications` (and of the admin composer). `title` and `body` are templates:
 * `{{recipient.name}}`, `{{recipient.email}}`, `{{recipient.externalId}}`, `{{data.orderId}}`.
 * `scheduledAt` in the past (or omitted) means now.
 */
export const createNotificationSchema = z.strictObject({
  to: recipientListSchema,
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  body: z.string().max(LIMITS.bodyMax).default(''),
  category: categoryKeySchema.default('general'),
  priority: z.enum(PRIORITIES).default('normal'),
  actionUrl: actionUrlSchema.optional(),
  // Rich notifications (issue 11): see shared/schemas/actions.ts.
  icon: iconSchema.optional(),
  actions: notificationActionsSchema.optional(),
  data: notificationDataSchema.optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  channels: channelOverridesSchema.optional(),
});
export type CreateNotificationInput = z.infer<typeof createNotificationSchema>;

/** Answer of `POST /api/v1/notifications` (202). */
export interface CreateNotificationResult {
  sendId: string;
  status: SendStatus;
  recipientCount: number;
  scheduledAt: string | null;
  /** Ids of the notifications created (empty while the send is scheduled). */
  notificationIds: string[];
}

/**
 * Inbox search text (`q`): 1–100 characters once trimmed. Searched word by word in title and body, every word
 * must match, the last one as a prefix ("deplo" finds "deployment"); one-character words are left out beside
 * longer ones and, alone, matched whole (never as a prefix); any punctuation is only a separator.
 */
export const searchQuerySchema = z.string().trim().min(1).max(100);

/**
 * Query of `GET /api/notifications`. `cursor` is the previous page's `nextCursor`: a seq in every view but
 * `snoozed`, whose pages are ordered by wake time and carry a `<time>_<seq>` cursor (see encodeSnoozeCursor).
 */
export const listNotificationsQuerySchema = z
  .strictObject({
    status: z.enum(INBOX_STATUSES).default('all'),
    category: categoryKeySchema.optional(),
    cursor: z.string().max(32).meta({ description: 'The `nextCursor` of the previous page (of the same status)' }).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
    q: searchQuerySchema.optional(),
    /** `true`: pinned items only; `false`: unpinned only; absent: both. */
    pinned: z.enum(['true', 'false']).optional(),
  })
  .superRefine((query, ctx) => {
    if (query.cursor === undefined) return;
    const valid = query.status === 'snoozed' ? decodeSnoozeCursor(query.cursor) !== undefined : seqCursorSchema.safeParse(query.cursor).success;
    if (!valid) ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'Must be a cursor returned by a previous page' });
  });
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

/**
 * How far ahead a snooze may be set (ms), checked by the server against its own clock when the PATCH
 * arrives (`snoozedUntil` names the field): at least a minute (the server's SNOOZE_MIN_AHEAD_MS), at most
 * a year. A snooze is a "later", not a timer; a year bounds what waits in the table.
 */
export const SNOOZE_LIMITS = { minAheadMs: 60_000, maxAheadMs: 366 * 24 * 60 * 60 * 1000 } as const;

/**
 * Body of `PATCH /api/notifications/:id`: any combination of state changes, at least one.
 *
 * `snoozedUntil` (ISO 8601 with an offset) hides the notification from the inbox lists and counts until
 * then, when it comes back as new (unread, unseen, at the top; see README "Snooze"); `null` wakes it now.
 * Snoozing un-archives; archiving ends a snooze, so both together are refused.
 */
export const updateNotificationSchema = z
  .strictObject({
    read: z.boolean().optional(),
    seen: z.literal(true).optional(),
    archived: z.boolean().optional(),
    pinned: z.boolean().optional(),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .refine((v) => v.read !== undefined || v.seen !== undefined || v.archived !== undefined || v.pinned !== undefined || v.snoozedUntil !== undefined, {
    message: 'Give at least one of read, seen, archived, pinned, snoozedUntil',
  })
  .refine((v) => !(v.archived === true && typeof v.snoozedUntil === 'string'), {
    path: ['snoozedUntil'],
    message: 'A notification cannot be archived and snoozed at once',
  });
export type UpdateNotificationInput = z.infer<typeof updateNotificationSchema>;

/**
 * The highest `seq` the client has shown: "mark all" then leaves alone what arrived after the user looked.
 * Optional for API compatibility (omitted: everything); `seq` is a 32-bit column, so larger is refused.
 */
export const upToSeqSchema = z.number().int().min(0).max(2_147_483_647);

/** Body of `POST /api/notifications/read-all`: optionally only one category, up to what the user saw. */
export const markAllReadSchema = z.strictObject({ category: categoryKeySchema.optional(), upToSeq: upToSeqSchema.optional() });
export type MarkAllReadInput = z.infer<typeof markAllReadSchema>;

/** Body of `POST /api/notifications/seen-all`: up to what the user saw (the bell's newest item). */
export const markAllSeenSchema = z.strictObject({ upToSeq: upToSeqSchema.optional() });
export type MarkAllSeenInput = z.infer<typeof markAllSeenSchema>;

/** Query of `GET /api/notifications/counts`: with `category`, the counts of that category only. */
export const countsQuerySchema = z.strictObject({ category: categoryKeySchema.optional() });
export type CountsQuery = z.infer<typeof countsQuerySchema>;

/** A notification as the inbox sees it: the REST list items and the socket payloads are this same DTO. */
export interface NotificationDto {
  id: string;
  /** Per-user, strictly increasing in commit order: the reconnect replay key. */
  seq: number;
  category: string;
  priority: (typeof PRIORITIES)[number];
  title: string;
  body: string;
  actionUrl: string | null;
  /** Its icon (its own, else its category's when sent); null: the category/priority glyph. */
  icon: string | null;
  /** Its buttons (0–2), and which one the recipient took and when (null until then). */
  actions: NotificationAction[];
  actedActionId: string | null;
  actedAt: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  seenAt: string | null;
  readAt: string | null;
  archivedAt: string | null;
  /**
   * While snoozed: when it wakes (it is then in the `snoozed` view only, and out of the counts). Null
   * otherwise; a woken one comes back with a new `seq`, unread and unseen, as a `notification.created`.
   */
  snoozedUntil: string | null;
  /** When the user pinned it; null when not pinned. */
  pinnedAt: string | null;
  /**
   * Set only in the `notification.updated` event telling a deletion (lists never return deleted items): drop
   * it. A deleted item also has `archivedAt` set (deleting archives), so older clients move it out of the inbox.
   */
  deletedAt: string | null;
}

/** One page of `GET /api/notifications`; `nextCursor` is null on the last page. */
export interface NotificationPage {
  items: NotificationDto[];
  nextCursor: string | null;
}

/**
 * Exact inbox counts. `version` grows with every change to the user's inbox, so a client drops a
 * counts message older than the one it already shows.
 */
export interface InboxCounts {
  unread: number;
  unseen: number;
  version: number;
}

/** Answer of `POST /api/notifications/read-all` and `/seen-all`. */
export interface BulkUpdateResult {
  updated: number;
  counts: InboxCounts;
  /** read-all only, when it changed something: reverts it (`POST /api/notifications/undo`). */
  undo?: UndoTicket;
}

/** A category as people see it: its key (what the API and filters use) and its label (what is shown). */
export interface CategoryOption {
  key: string;
  /** The admin's label (Admin → Categories); the key itself when the category has no row. */
  label: string;
}

/** Answer of `GET /api/notifications/categories`: the categories present in the user's inbox. */
export interface CategoriesResponse {
  /** Their keys, sorted by key (kept for clients written before `items`). */
  categories: string[];
  /** The same categories with their labels, sorted by label: what a filter menu shows. */
  items: CategoryOption[];
}

// ---- Issue 11: pin, delete, bulk actions, undo (search is `q` above) ----

/**
 * How to revert an action (archive, delete, mark read; one item, a selection or "mark all read"):
 * `POST /api/notifications/undo` with `token` before `expiresAt` (UNDO_WINDOW_SECONDS after the action).
 */
export interface UndoTicket {
  token: string;
  /** ISO 8601 UTC. */
  expiresAt: string;
}

/** Answer of `PATCH /api/notifications/:id`: the notification, with `undo` when this change archived it. */
export interface UpdateNotificationResult extends NotificationDto {
  undo?: UndoTicket;
}

/** Answer of `DELETE /api/notifications/:id`. */
export interface DeleteNotificationResult {
  undo: UndoTicket;
  counts: InboxCounts;
}

/** What `POST /api/notifications/bulk` does to each selected item. */
export const BULK_ACTIONS = ['read', 'unread', 'archive', 'unarchive', 'delete', 'pin', 'unpin'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Most ids one bulk request may name (a selection on screen); "select all" uses `filter` instead. */
export const BULK_IDS_MAX = 100;

/** "Everything in this view" for a bulk action: the list's own filters (`GET /api/notifications`). */
export const bulkFilterSchema = z.strictObject({
  status: z.enum(INBOX_STATUSES).default('all'),
  category: categoryKeySchema.optional(),
  q: searchQuerySchema.optional(),
  pinned: z.boolean().optional(),
});
export type BulkFilter = z.infer<typeof bulkFilterSchema>;

/**
 * Body of `POST /api/notifications/bulk`: `action` on either the listed `ids` (1–100; other users' ids and
 * missing ones are skipped silently) or on every item of `filter` with `seq <= upToSeq` (what the user had
 * seen when choosing "select all"; required with `filter`, so what arrives meanwhile is left alone).
 */
export const bulkActionSchema = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    ids: z.array(rowIdSchema).min(1).max(BULK_IDS_MAX).optional(),
    filter: bulkFilterSchema.optional(),
    upToSeq: upToSeqSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.ids && body.filter) ctx.addIssue({ code: 'custom', path: ['filter'], message: 'Give either ids or filter, not both' });
    if (!body.ids && !body.filter) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Give ids, or filter with upToSeq' });
    if (body.filter && body.upToSeq === undefined) ctx.addIssue({ code: 'custom', path: ['upToSeq'], message: 'Required with filter' });
    if (body.ids && body.upToSeq !== undefined) ctx.addIssue({ code: 'custom', path: ['upToSeq'], message: 'Only with filter' });
  });
export type BulkActionInput = z.infer<typeof bulkActionSchema>;

/** Answer of `POST /api/notifications/bulk`. */
export interface BulkActionResult {
  /** Items actually changed (already in that state, missing and other users' items are not counted). */
  updated: number;
  counts: InboxCounts;
  /** For read, archive and delete when something changed. */
  undo?: UndoTicket;
}

/** Body of `POST /api/notifications/undo`. */
export const undoSchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, 'Must be an undo token returned by the API'),
});
export type UndoInput = z.infer<typeof undoSchema>;

/** Answer of `POST /api/notifications/undo`. */
export interface UndoResult {
  /** Items put back as they were (those the user changed again since are left alone and not counted). */
  restored: number;
  counts: InboxCounts;
}
