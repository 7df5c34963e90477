import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { createTopicSchema, topicSubscribersSchema, upsertUserSchema } from '../../shared/schemas/directory.js';
import { pushSubscriptionSchema } from '../../shared/schemas/delivery.js';
import { createNotificationSchema, markAllReadSchema, markAllSeenSchema, recipientSchema, updateNotificationSchema } from '../../shared/schemas/notification.js';
import { updateContactSchema, updatePreferencesSchema } from '../../shared/schemas/preferences.js';
import { USER_TOKEN_CLOCK_TOLERANCE_S, USER_TOKEN_MAX_LIFETIME_S } from '../../shared/schemas/userTokens.js';
import { auditPaths } from './auditPaths.js';
import { directoryPaths } from './directoryPaths.js';
import { inboxPaths } from './inboxPaths.js';
import { notificationPaths } from './notificationPaths.js';

type OpenApiDocument = ReturnType<typeof createDocument>;

let cached: OpenApiDocument | undefined;

/** The same path items under `prefix`: the v1 modules write their paths relative to `/api/v1`. */
const under = (prefix: string, paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject =>
  Object.fromEntries(Object.entries(paths).map(([path, item]) => [`${prefix}${path}`, item]));

const USER_TOKEN_DESCRIPTION =
  'A user token: a short-lived JWT your backend signs with HS256 for one of your users and hands to the embedded ' +
  "inbox in their browser. Claims: `sub` = the user's externalId (create the user first with `PUT /api/v1/users/{externalId}`; " +
  `a token never creates one), \`exp\` required and at most ${USER_TOKEN_MAX_LIFETIME_S / 3600} h ahead, \`nbf\` honoured ` +
  `(${USER_TOKEN_CLOCK_TOLERANCE_S} s of clock skew tolerated). Header: \`kid\` = the id of a signing secret an admin ` +
  'created in the web app (`uts_…`), whose value is the HMAC key; without `kid` the token is checked with the ' +
  "server's `USER_TOKEN_SECRET`. A token only ever reaches its own user's data. The web app itself calls the same " +
  "routes with its session cookie instead (changes then need the session's `x-csrf-token` header).";

/**
 * The OpenAPI 3.1 document of the service API (`/api/v1`, API keys) and the inbox API (`/api/notifications`,
 * `/api/preferences`, `/api/push`, user tokens), generated from the same zod schemas the routes validate with.
 * Built once per process: it depends on code only, never on config or data.
 *
 * @example
 * res.json(openApiDocument());
 */
export function openApiDocument(): OpenApiDocument {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'FlashNotify API',
      version: '1',
      description:
        'Two APIs. **Service API** (`/v1/…`): post notifications to your users, manage the recipients and topics they ' +
        'are sent to; authenticate with `Authorization: Bearer <API key>` (admins create keys in the web app). ' +
        '**Inbox API** (`/notifications`, `/preferences`, `/push`): one user reads and manages their own inbox, from ' +
        'their browser; authenticate with `Authorization: Bearer <user token>`, a JWT your backend signs (see the ' +
        '`userToken` scheme); cross-origin calls are answered for the origins in `ALLOWED_ORIGINS`. Every error has the ' +
        'shape `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.',
    },
    // One server for both APIs, relative, so "Try it out" targets whichever host serves these docs. The v1
    // paths carry their `/v1` prefix: path-level servers cannot work here, as `/notifications` is both a v1
    // path (POST) and an inbox path (GET).
    servers: [{ url: '/api' }],
    // The v1 default; every inbox operation names `userToken` instead.
    security: [{ apiKey: [] }],
    tags: [
      { name: 'Notifications', description: 'Service API: send notifications (API key)' },
      { name: 'Sends', description: 'Service API: follow and cancel sends (API key)' },
      { name: 'Users', description: 'Service API: recipients and their preferences (API key)' },
      { name: 'Topics', description: 'Service API: topics and their subscribers (API key)' },
      { name: 'Audit', description: 'Service API: the audit log (API key with `audit:read`)' },
      { name: 'Inbox', description: "Inbox API: the user's own notifications (user token, or the web app's cookie)" },
      { name: 'Inbox preferences', description: "Inbox API: the user's own preferences (user token, or the web app's cookie)" },
      { name: 'Inbox push', description: "Inbox API: the user's own Web Push devices (user token, or the web app's cookie)" },
    ],
    paths: { ...under('/v1', { ...notificationPaths, ...directoryPaths, ...auditPaths }), ...inboxPaths },
    components: {
      // Named here rather than with `.meta({ id })` in shared/, so the shared schemas stay plain zod.
      schemas: {
        CreateNotification: createNotificationSchema,
        Recipient: recipientSchema,
        UpsertUser: upsertUserSchema,
        CreateTopic: createTopicSchema,
        TopicSubscribers: topicSubscribersSchema,
        UpdatePreferences: updatePreferencesSchema,
        UpdateContact: updateContactSchema,
        UpdateNotification: updateNotificationSchema,
        MarkAllRead: markAllReadSchema,
        MarkAllSeen: markAllSeenSchema,
        PushSubscription: pushSubscriptionSchema,
      },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, e.g. `fn_…`, with the scopes each route names' },
        userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: USER_TOKEN_DESCRIPTION },
      },
    },
  });
  return cached;
}
