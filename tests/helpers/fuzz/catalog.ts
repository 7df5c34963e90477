import { z } from 'zod';
import {
  acceptInvitationSchema,
  changePasswordSchema,
  checkInvitationSchema,
  createInvitationSchema,
  passwordResetRequestSchema,
} from '../../../shared/schemas/account.js';
import { checkSetPasswordSchema, loginSchema, setPasswordSchema } from '../../../shared/schemas/auth.js';
import { createUserTokenSecretSchema, rotateUserTokenSecretSchema } from '../../../shared/schemas/userTokens.js';
import { emailActionReadSchema } from '../../../shared/schemas/emailActions.js';
import { listDeliveriesQuerySchema, listOutboxQuerySchema, pushReadSchema, updateChannelSchema } from '../../../shared/schemas/delivery.js';
import {
  createApiKeySchema,
  createCategorySchema,
  createTopicSchema,
  listTopicSubscribersQuerySchema,
  listUsersQuerySchema,
  topicSubscribersSchema,
  updateCategorySchema,
  setUserExternalIdSchema,
  updateUserRoleSchema,
} from '../../../shared/schemas/directory.js';
import { analyticsQuerySchema } from '../../../shared/schemas/analytics.js';
import { listAuditQuerySchema } from '../../../shared/schemas/audit.js';
import { eraseUserSchema } from '../../../shared/schemas/gdpr.js';
import { createNotificationSchema } from '../../../shared/schemas/notification.js';
import { pushActSchema } from '../../../shared/schemas/actions.js';
import { createWebhookEndpointSchema, listWebhookMessagesQuerySchema, updateWebhookEndpointSchema } from '../../../shared/schemas/webhooks.js';
import { listSendRecipientsQuerySchema, listSendsQuerySchema, previewRecipientsSchema } from '../../../shared/schemas/sends.js';

/** Which credentials a route wants. Every route is also fuzzed without any. */
export type AuthKind = 'anonymous' | 'user' | 'admin' | 'apiKey';

/** Rows the fuzz run creates first, so that valid path parameters and bodies reach the database. */
export interface Fixtures {
  /** A notification of the signed-in user (alice). */
  notificationId: string;
  /** A send made with the test API key. */
  sendId: string;
  /** A user who is neither of the signed-in ones (bob): role changes must not lock the fuzzer out. */
  otherUserId: string;
  /** `externalId` of a user the API key registered. */
  externalId: string;
  topicKey: string;
}

/** What the fuzzer needs to know about a route beyond the router and the OpenAPI document. */
export interface RouteInputs {
  /** The zod schemas the route parses its query string and body with (OpenAPI gives them for /api/v1). */
  query?: z.ZodType;
  body?: z.ZodType;
  /** `form` for the RFC 8058 one-click unsubscribe POST; default JSON. */
  bodyType?: 'json' | 'form';
  /** Merged over the body generated from the schema, so a bad field is all that stops the request. */
  sample?: Record<string, unknown>;
  /** Path parameters naming existing rows; other parameters get a made-up value. */
  params?: (fx: Fixtures) => Record<string, string>;
  /** Links opened by people from emails: a 4xx may be an HTML page instead of JSON (never a stack trace). */
  page?: boolean;
  /**
   * Takes query fields it does not know (health checks, static files, the web app's pages, links from
   * emails, where link trackers append parameters). Every other route answers an unknown one with a 400.
   */
  anyQuery?: boolean;
  /** Ends the session it runs on: fuzzed last, on a session of its own. */
  endsSession?: boolean;
}

const toAlice = { to: [{ email: 'alice@example.com' }] };

/**
 * Inputs of every route the OpenAPI document does not describe (it describes `/api/v1` and the inbox API).
 * The fuzz test fails when the app serves a route that is neither here nor documented, and when an entry
 * here names a route that no longer exists: add the route's schemas here when you add a route.
 */
export const ROUTE_INPUTS: Record<string, RouteInputs> = {
  'GET /api/health': { anyQuery: true },
  'GET /api/health/live': { anyQuery: true },
  'GET /api/health/ready': { anyQuery: true },
  // Prometheus: 404 on the app's port unless METRICS_TOKEN is set (it is not in the fuzz run), then 401 without it.
  'GET /metrics': { anyQuery: true },
  'GET /api/openapi.json': { anyQuery: true },
  'GET /api/docs': { anyQuery: true },
  // A static script: a cache-busting query (`?v=2`) is ignored, as for the docs' files.
  'GET /embed/flashnotify.js': { anyQuery: true },
  'GET /api/docs/init.js': { anyQuery: true },
  'GET /api/docs/:file': { anyQuery: true },
  'GET /api/unsubscribe/:token': { page: true, anyQuery: true },
  'POST /api/unsubscribe/:token': { page: true, anyQuery: true, bodyType: 'form' },
  'POST /api/unsubscribe/:token/undo': { page: true, anyQuery: true, bodyType: 'form' },
  'POST /api/push-actions/read': { body: pushReadSchema },
  'POST /api/push-actions/details': { body: pushReadSchema },
  'POST /api/push-actions/act': { body: pushActSchema },
  // An email's acknowledge button: GET a confirmation page, POST (an empty form) records the answer.
  'GET /api/email-actions/act/:token/:actionId': { page: true, anyQuery: true },
  'POST /api/email-actions/act/:token/:actionId': { page: true, anyQuery: true, bodyType: 'form' },
  'GET /api/email-actions/open/:token': { page: true, anyQuery: true },
  'GET /api/email-actions/preview/:token': {},
  'POST /api/email-actions/read': { body: emailActionReadSchema },
  'POST /api/auth/login': { body: loginSchema },
  'POST /api/auth/set-password/check': { body: checkSetPasswordSchema },
  'POST /api/auth/set-password': { body: setPasswordSchema },
  'GET /api/auth/session': {},
  'GET /api/auth/config': {},
  'POST /api/auth/logout': { endsSession: true },
  'POST /api/auth/password-reset': { body: passwordResetRequestSchema },
  'POST /api/auth/invitations/check': { body: checkInvitationSchema },
  'POST /api/auth/invitations/accept': { body: acceptInvitationSchema },
  'POST /api/account/password': { body: changePasswordSchema },
  'GET /api/account/sessions': {},
  // Ends the user's other sessions (never the one it runs on): fuzzed on a session of its own all the same.
  'POST /api/account/sessions/end-others': { endsSession: true },
  'DELETE /api/account/sessions/:id': {},
  'GET /api/admin/users': { query: listUsersQuerySchema },
  'PATCH /api/admin/users/:id': { body: updateUserRoleSchema, sample: { role: 'user' }, params: (fx) => ({ id: fx.otherUserId }) },
  'PUT /api/admin/users/:id/external-id': {
    body: setUserExternalIdSchema,
    sample: { externalId: 'fuzz-linked' },
    params: (fx) => ({ id: fx.otherUserId }),
  },
  // Reads only: a valid case streams bob's export.
  'GET /api/admin/users/:id/export': { params: (fx) => ({ id: fx.otherUserId }) },
  // No existing user named: a made-up id is a 404 whatever the body, so the fuzzer never erases its own fixtures.
  'POST /api/admin/users/:id/erase': { body: eraseUserSchema },
  'GET /api/admin/audit': { query: listAuditQuerySchema },
  'GET /api/admin/analytics': { query: analyticsQuerySchema },
  'GET /api/admin/invitations': {},
  'POST /api/admin/invitations': { body: createInvitationSchema },
  'POST /api/admin/invitations/:id/resend': {},
  'DELETE /api/admin/invitations/:id': {},
  'GET /api/admin/api-keys': {},
  'POST /api/admin/api-keys': { body: createApiKeySchema },
  'DELETE /api/admin/api-keys/:id': {},
  'GET /api/admin/user-token-secrets': {},
  'POST /api/admin/user-token-secrets': { body: createUserTokenSecretSchema },
  'POST /api/admin/user-token-secrets/:id/rotate': { body: rotateUserTokenSecretSchema },
  'DELETE /api/admin/user-token-secrets/:id': {},
  'GET /api/admin/categories': {},
  'POST /api/admin/categories': { body: createCategorySchema },
  'PATCH /api/admin/categories/:key': { body: updateCategorySchema, params: () => ({ key: 'general' }) },
  'GET /api/admin/topics/:key/subscribers': { query: listTopicSubscribersQuerySchema, params: (fx) => ({ key: fx.topicKey }) },
  'POST /api/admin/topics': { body: createTopicSchema },
  'GET /api/admin/topics': {},
  'GET /api/admin/topics/:key': { params: (fx) => ({ key: fx.topicKey }) },
  'POST /api/admin/topics/:key/subscribers': { body: topicSubscribersSchema, params: (fx) => ({ key: fx.topicKey }) },
  'DELETE /api/admin/topics/:key/subscribers': { body: topicSubscribersSchema, params: (fx) => ({ key: fx.topicKey }) },
  'GET /api/admin/sends': { query: listSendsQuerySchema },
  'POST /api/admin/sends/preview': { body: previewRecipientsSchema, sample: toAlice },
  'POST /api/admin/sends': { body: createNotificationSchema, sample: toAlice },
  'GET /api/admin/sends/:id': { params: (fx) => ({ id: fx.sendId }) },
  'GET /api/admin/sends/:id/recipients': { query: listSendRecipientsQuerySchema, params: (fx) => ({ id: fx.sendId }) },
  'DELETE /api/admin/sends/:id': {},
  'GET /api/admin/deliveries': { query: listDeliveriesQuerySchema },
  'POST /api/admin/deliveries/:id/retry': {},
  'GET /api/admin/channels': {},
  'PATCH /api/admin/channels/:channel': { body: updateChannelSchema, params: () => ({ channel: 'email' }) },
  'GET /api/admin/outbox': { query: listOutboxQuerySchema },
  // A public name that never resolves (.invalid): an endpoint the fuzz run registers is never reached.
  'GET /api/admin/webhooks': {},
  'POST /api/admin/webhooks': { body: createWebhookEndpointSchema, sample: { url: 'https://hooks.fuzz.invalid/flashnotify', eventTypes: ['send.completed'] } },
  'PATCH /api/admin/webhooks/:id': { body: updateWebhookEndpointSchema, sample: { description: 'fuzz' } },
  'DELETE /api/admin/webhooks/:id': {},
  'POST /api/admin/webhooks/:id/rotate-secret': {},
  'GET /api/admin/webhooks/:id/messages': { query: listWebhookMessagesQuerySchema },
  'POST /api/admin/webhooks/:id/messages/:messageId/resend': {},
  // The web app's client-side routes (index.html for every other path).
  'GET /{*splat}': { anyQuery: true },
};

/**
 * Samples and existing rows for the documented routes, `/api/v1` and the inbox API (their schemas come from
 * the OpenAPI document).
 */
export const DOCUMENTED_INPUTS: Record<string, RouteInputs> = {
  'POST /api/v1/notifications': { sample: toAlice },
  'POST /api/v1/notifications/bulk': { sample: { notifications: [toAlice] } },
  'GET /api/v1/sends/:id': { params: (fx) => ({ id: fx.sendId }) },
  'PUT /api/v1/users/:externalId': { sample: { email: 'fuzz-upsert@example.com' } },
  'GET /api/v1/users/:externalId': { params: (fx) => ({ externalId: fx.externalId }) },
  'GET /api/v1/users/:externalId/preferences': { params: (fx) => ({ externalId: fx.externalId }) },
  'GET /api/v1/users/:externalId/export': { params: (fx) => ({ externalId: fx.externalId }) },
  // No params: a made-up externalId (404), so the fuzzer never erases its own fixture user.
  'DELETE /api/v1/users/:externalId': {},
  'PUT /api/v1/users/:externalId/preferences': { sample: { timezone: 'UTC' }, params: (fx) => ({ externalId: fx.externalId }) },
  'PATCH /api/v1/users/:externalId/contact': { params: (fx) => ({ externalId: fx.externalId }) },
  'GET /api/v1/topics/:key': { params: (fx) => ({ key: fx.topicKey }) },
  'POST /api/v1/topics/:key/subscribers': { params: (fx) => ({ key: fx.topicKey }) },
  'DELETE /api/v1/topics/:key/subscribers': { params: (fx) => ({ key: fx.topicKey }) },
  'PATCH /api/notifications/:id': { params: (fx) => ({ id: fx.notificationId }) },
  'POST /api/notifications/:id/actions/:actionId': { params: (fx) => ({ id: fx.notificationId, actionId: 'approve' }) },
  // Deletes alice's fixture notification on a valid case: later cases naming it get the 404 of a missing one.
  'DELETE /api/notifications/:id': { params: (fx) => ({ id: fx.notificationId }) },
  // "Select all" with search: the generated filters (hostile `q` included) reach the full-text query.
  'POST /api/notifications/bulk': { sample: { action: 'pin', filter: { status: 'all', q: 'hello' }, upToSeq: 1000 } },
  'POST /api/notifications/undo': {},
  'PATCH /api/preferences': { sample: { timezone: 'UTC' } },
};

/** The credentials each part of the API wants, by path prefix (first match wins). */
const AUTH_BY_PREFIX: [string, AuthKind][] = [
  ['/api/v1/', 'apiKey'],
  ['/api/admin/', 'admin'],
  ['/api/notifications', 'user'],
  ['/api/preferences', 'user'],
  ['/api/push/', 'user'],
  ['/api/auth/session', 'user'],
  ['/api/auth/logout', 'user'],
];

/** The credentials a route is meant to be called with. */
export const authFor = (path: string): AuthKind => AUTH_BY_PREFIX.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'anonymous';
