import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { actParamsSchema } from '../../shared/schemas/actions.js';
import { idParamsSchema } from '../../shared/schemas/cursors.js';
import { MAX_PUSH_DEVICES_PER_USER, pushSubscriptionSchema } from '../../shared/schemas/delivery.js';
import {
  BULK_IDS_MAX,
  bulkActionSchema,
  countsQuerySchema,
  LIMITS,
  listNotificationsQuerySchema,
  markAllReadSchema,
  markAllSeenSchema,
  undoSchema,
  updateNotificationSchema,
} from '../../shared/schemas/notification.js';
import { updateContactSchema, updatePreferencesSchema } from '../../shared/schemas/preferences.js';
import { inboxErrors } from './errorResponses.js';
import {
  bulkActionResultSchema,
  deleteNotificationResultSchema,
  inboxCategoriesSchema,
  inboxCountsSchema,
  actResultSchema,
  markAllResultSchema,
  notificationPageSchema,
  pushDeviceListSchema,
  pushDeviceSchema,
  undoResultSchema,
  updateNotificationResultSchema,
  vapidPublicKeySchema,
} from './inboxResponses.js';
import { preferencesDtoSchema } from './responses.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Every inbox operation: the user token, which the web app's cookie may replace (said in each description). */
const security = [{ userToken: [] }];
const orCookie = ' Authentication: a user token, or in the web app its session cookie.';
const orCookieAndCsrf = " Authentication: a user token, or in the web app its session cookie plus the session's `x-csrf-token` header.";
const ownOnly = "Another user's id is a 404, like a missing one.";

/** `/notifications…`: the user's own inbox (paths relative to the `/api` server). */
const notificationPaths: ZodOpenApiPathsObject = {
  '/notifications': {
    get: {
      operationId: 'listInbox',
      tags: ['Inbox'],
      security,
      summary: "List the user's notifications",
      description:
        'Newest first (highest `seq` first), a page at a time: pass the previous page\'s `nextCursor` as `cursor`. ' +
        '`status=all` shows everything but the archived and the snoozed (`unread` and `read` split it), `archived` ' +
        'only the archived, `snoozed` only the snoozed, soonest to wake first (its cursor is its own: pass it back ' +
        'with `status=snoozed`; no `q` there). `pinned=true` only the pinned ones ' +
        '(`false`: the others). `q` searches title and body (full-text index): every word must appear, the last ' +
        'one as a prefix (`deplo` finds "deployment"), repeats once; one-character words are left out beside longer ' +
        'ones, and alone match whole words only (never as a prefix); case does not matter, punctuation and operators are only ' +
        'separators; on SQLite accents are folded too. Deleted notifications are never listed. New notifications, and snoozed ones as they wake, arrive on the ' +
        `socket (\`notification.created\`) with this same shape. \`limit\` is 1–${LIMITS.pageSizeMax} (default 20).${orCookie}`,
      requestParams: { query: listNotificationsQuerySchema },
      responses: { 200: { description: 'One page', ...json(notificationPageSchema) }, ...inboxErrors(400) },
    },
  },
  '/notifications/counts': {
    get: {
      operationId: 'getInboxCounts',
      tags: ['Inbox'],
      security,
      summary: 'Count unread and unseen notifications',
      description: `Exact counts of the notifications neither archived nor snoozed, of one \`category\` when given. The socket sends the same as \`counts.updated\`.${orCookie}`,
      requestParams: { query: countsQuerySchema },
      responses: { 200: { description: 'The counts', ...json(inboxCountsSchema) }, ...inboxErrors(400) },
    },
  },
  '/notifications/categories': {
    get: {
      operationId: 'listInboxCategories',
      tags: ['Inbox'],
      security,
      summary: "List the categories present in the user's inbox",
      description: `For a filter menu: each category key with its label.${orCookie}`,
      responses: { 200: { description: 'The categories', ...json(inboxCategoriesSchema) }, ...inboxErrors(400) },
    },
  },
  '/notifications/read-all': {
    post: {
      operationId: 'markAllRead',
      tags: ['Inbox'],
      security,
      summary: 'Mark all notifications read',
      description:
        'Every notification neither archived nor snoozed (of one `category` when given) becomes read and seen. Give `upToSeq`, the ' +
        'highest `seq` shown to the user, so what arrived after they looked stays unread. Every tab and device of ' +
        'the user is told on the socket. When something changed, `undo` reverts it (`POST /notifications/undo`).' +
        orCookieAndCsrf,
      requestBody: { required: false, ...json(markAllReadSchema) },
      responses: { 200: { description: 'What changed, and the new counts', ...json(markAllResultSchema) }, ...inboxErrors(400, 403, 413, 415) },
    },
  },
  '/notifications/seen-all': {
    post: {
      operationId: 'markAllSeen',
      tags: ['Inbox'],
      security,
      summary: 'Mark all notifications seen (the bell was opened)',
      description:
        'Clears the "new" state (the bell badge) of every unarchived notification up to `upToSeq` when given, ' +
        `without reading them.${orCookieAndCsrf}`,
      requestBody: { required: false, ...json(markAllSeenSchema) },
      responses: { 200: { description: 'What changed, and the new counts', ...json(markAllResultSchema) }, ...inboxErrors(400, 403, 413, 415) },
    },
  },
  '/notifications/bulk': {
    post: {
      operationId: 'bulkUpdateInbox',
      tags: ['Inbox'],
      security,
      summary: 'Read, unread, archive, unarchive, delete, pin or unpin several notifications',
      description:
        `Either \`ids\` (1–${BULK_IDS_MAX}, a selection; other users' ids and missing ones are skipped without a word) or ` +
        '`filter` (the list\'s `status`, `category`, `q`, `pinned`) with `upToSeq`, the highest `seq` the user had seen: ' +
        '"select all in this view" then leaves alone what arrived since. One transaction; every tab and device is told ' +
        'with one `notifications.bulkUpdated` (the changed items, or `refetch` beyond 100) and `counts.updated`. ' +
        '`read`, `archive` and `delete` answer with `undo` when they changed something.' +
        orCookieAndCsrf,
      requestBody: { required: true, ...json(bulkActionSchema) },
      responses: { 200: { description: 'What changed, and the new counts', ...json(bulkActionResultSchema) }, ...inboxErrors(400, 403, 413, 415) },
    },
  },
  '/notifications/undo': {
    post: {
      operationId: 'undoInboxAction',
      tags: ['Inbox'],
      security,
      summary: 'Undo an archive, a delete or a mark-read',
      description:
        'With the `undo.token` an action answered with, before its `expiresAt` (UNDO_WINDOW_SECONDS, 30 s by default): ' +
        'puts back exactly the notifications that action changed, except those the user changed again since. Once: ' +
        "a used token, an unknown one or another user's is a 404; after the window, 410 `undo_expired`. Every tab is told." +
        orCookieAndCsrf,
      requestBody: { required: true, ...json(undoSchema) },
      responses: { 200: { description: 'What was put back, and the new counts', ...json(undoResultSchema) }, ...inboxErrors(400, 403, 404, 410, 413, 415) },
    },
  },
  '/notifications/{id}': {
    patch: {
      operationId: 'updateInboxNotification',
      tags: ['Inbox'],
      security,
      summary: 'Mark one notification read, unread, seen, archived, unarchived, pinned or unpinned, or snooze it',
      description:
        'Any combination of `read`, `seen`, `archived`, `pinned`, `snoozedUntil`, at least one. Reading implies seen; a state already set ' +
        'keeps its original time. `snoozedUntil` (ISO 8601 with an offset, at least a minute and at most a year ahead, else ' +
        'a 400 naming it) hides the notification from the lists and the counts until then; it then comes back as new: ' +
        'unread, unseen, with a new `seq` (at the top), announced by `notification.created` on every tab and device, and ' +
        'replayed by seq to those offline. No email, SMS or push goes out again, and escalation steps of a critical ' +
        'one keep their times. `snoozedUntil: null` wakes a snoozed one now (answered with its new `seq`). Snoozing ' +
        `un-archives; archiving ends a snooze (both at once: 400). Archiving answers with \`undo\` too. ${ownOnly}${orCookieAndCsrf}`,
      requestParams: { path: idParamsSchema },
      requestBody: { required: true, ...json(updateNotificationSchema) },
      responses: { 200: { description: 'The notification', ...json(updateNotificationResultSchema) }, ...inboxErrors(400, 403, 404, 413, 415) },
    },
    delete: {
      operationId: 'deleteInboxNotification',
      tags: ['Inbox'],
      security,
      summary: 'Delete one notification',
      description:
        'Gone at once from every list, search, count and replay, on every tab (`notification.updated` with `deletedAt` set); ' +
        'removed for good after DELETED_RETENTION_DAYS. `undo` brings it back. A deleted one is a 404 like a missing one. ' +
        `${ownOnly}${orCookieAndCsrf}`,
      requestParams: { path: idParamsSchema },
      responses: { 200: { description: 'The undo ticket and the new counts', ...json(deleteNotificationResultSchema) }, ...inboxErrors(400, 403, 404) },
    },
  },
  '/notifications/{id}/actions/{actionId}': {
    post: {
      operationId: 'takeNotificationAction',
      tags: ['Inbox'],
      security,
      summary: "Take one of a notification's actions (a button)",
      description:
        'Records which action the user took and when (`actedActionId`, `actedAt`: the sender sees the counts in the ' +
        'send status), marks the notification read, and tells every tab and device (`notification.updated`). One ' +
        'answer per notification: the same action again answers the same result, another one is a 409 ' +
        '`already_acted`. An id the notification has no action for is a 404 `unknown_action`. For a `url` action the ' +
        `answer's \`url\` is where to go next. No body. ${ownOnly}${orCookieAndCsrf}`,
      requestParams: { path: actParamsSchema },
      responses: {
        200: { description: 'The notification as it is now, and the link of a `url` action', ...json(actResultSchema) },
        ...inboxErrors(400, 403, 404, 409, 413, 415),
      },
    },
  },
};

/** `/preferences…`: the user's own preferences and contact points. */
const preferencePaths: ZodOpenApiPathsObject = {
  '/preferences': {
    get: {
      operationId: 'getInboxPreferences',
      tags: ['Inbox preferences'],
      security,
      summary: "Get the user's notification preferences",
      description:
        'The category × channel matrix (the admin default until the user changes a cell; critical categories are ' +
        `\`locked\`), the global switch and reachability of each channel, quiet hours and contact points.${orCookie}`,
      responses: { 200: { description: 'The preferences', ...json(preferencesDtoSchema) }, ...inboxErrors(400) },
    },
    patch: {
      operationId: 'updateInboxPreferences',
      tags: ['Inbox preferences'],
      security,
      summary: "Update the user's notification preferences",
      description:
        'Partial: parts left out stay as they are. `null` for a category channel resets it to the category default. ' +
        'An unknown category is a 422 `unknown_category`; changing a locked cell of a critical category is a 422 ' +
        `\`preference_locked\`; then nothing changes. The user's other tabs receive the new preferences.${orCookieAndCsrf}`,
      requestBody: { required: true, ...json(updatePreferencesSchema) },
      responses: { 200: { description: 'The updated preferences', ...json(preferencesDtoSchema) }, ...inboxErrors(400, 403, 413, 415, 422) },
    },
  },
  '/preferences/contact': {
    patch: {
      operationId: 'updateInboxContact',
      tags: ['Inbox preferences'],
      security,
      summary: "Change the user's phone number and SMS / WhatsApp consent",
      description:
        '`smsConsent: true` (or `whatsappConsent: true`, a separate record) records consent now (source `preferences page`) and needs a phone number (else 422 ' +
        '`phone_required`). A new phone number clears both consents; withdrawing one cancels that channel’s deliveries not yet sent.' +
        orCookieAndCsrf,
      requestBody: { required: true, ...json(updateContactSchema) },
      responses: { 200: { description: 'The updated preferences', ...json(preferencesDtoSchema) }, ...inboxErrors(400, 403, 413, 415, 422) },
    },
  },
};

/** `/push…`: the user's Web Push devices. */
const pushPaths: ZodOpenApiPathsObject = {
  '/push/vapid-public-key': {
    get: {
      operationId: 'getVapidPublicKey',
      tags: ['Inbox push'],
      security,
      summary: 'Get the key browsers subscribe to Web Push with',
      description: `Pass it as \`applicationServerKey\` to \`PushManager.subscribe()\`.${orCookie}`,
      responses: { 200: { description: 'The VAPID public key', ...json(vapidPublicKeySchema) }, ...inboxErrors(400) },
    },
  },
  '/push/subscriptions': {
    post: {
      operationId: 'subscribePush',
      tags: ['Inbox push'],
      security,
      summary: "Register this browser's push subscription",
      description:
        "The body is the browser's `PushSubscription.toJSON()`. The endpoint must be a public https URL and the keys " +
        'well-formed (else 400 naming them). Subscribing the same endpoint again updates it. A user keeps at most ' +
        `${MAX_PUSH_DEVICES_PER_USER} devices: one more evicts the least recently active.${orCookieAndCsrf}`,
      requestBody: { required: true, ...json(pushSubscriptionSchema) },
      responses: { 201: { description: 'The device', ...json(pushDeviceSchema) }, ...inboxErrors(400, 403, 413, 415) },
    },
    get: {
      operationId: 'listPushDevices',
      tags: ['Inbox push'],
      security,
      summary: "List the user's push devices",
      description: `Never the endpoints or keys: the browser and when it was last used.${orCookie}`,
      responses: { 200: { description: 'The devices', ...json(pushDeviceListSchema) }, ...inboxErrors(400) },
    },
  },
  '/push/subscriptions/{id}': {
    delete: {
      operationId: 'deletePushDevice',
      tags: ['Inbox push'],
      security,
      summary: 'Remove a push device',
      description: `${ownOnly}${orCookieAndCsrf}`,
      requestParams: { path: idParamsSchema },
      responses: { 204: { description: 'Removed' }, ...inboxErrors(400, 403, 404) },
    },
  },
};

/**
 * The inbox API (paths relative to the `/api` server): what the embedded inbox calls with a user token and
 * the web app with its cookie.
 */
export const inboxPaths: ZodOpenApiPathsObject = { ...notificationPaths, ...preferencePaths, ...pushPaths };
