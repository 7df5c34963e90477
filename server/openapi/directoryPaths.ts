import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { createTopicSchema, topicPathSchema, topicSubscribersSchema, upsertUserSchema, userPathSchema } from '../../shared/schemas/directory.js';
import { updateContactSchema, updatePreferencesSchema } from '../../shared/schemas/preferences.js';
import { errors } from './errorResponses.js';
import { userErasureSchema, userExportSchema } from './gdprResponses.js';
import { preferencesDtoSchema, topicDtoSchema, topicListSchema, topicSubscribersResultSchema, userDtoSchema } from './responses.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const subscribersBody = { required: true, ...json(topicSubscribersSchema) };
const subscribersDescription =
  'Scope `notifications:write`. Users by our `userId` or your `externalId` (1–1000). Repeats are no-ops: ' +
  '`changed` counts only real changes. Any unknown user is a 422 `unknown_user` naming it ' +
  '(`subscribers.3.externalId`), and then nothing changes.';

/** `/users/{externalId}` and `/topics…` (paths relative to `/api/v1`: document.ts puts them under `/v1` of the `/api` server). */
export const directoryPaths: ZodOpenApiPathsObject = {
  '/users/{externalId}': {
    put: {
      operationId: 'upsertUser',
      tags: ['Users'],
      summary: 'Create or update a recipient by your id',
      description:
        'Scope `users:write`. Emails are stored lower-case and unique: an email used by another user is a 409 ' +
        '`email_taken` (an existing account is linked to your id by an admin, never by email), and an email an admin ' +
        'has invited someone with is a 409 `invitation_pending` until that invitation is accepted, revoked or expired. On update, optional fields left out keep their value; `phone: null` clears it. The email of a ' +
        'user who has a FlashNotify account (a password, e.g. after accepting an invitation) is its sign-in and where ' +
        'password resets go: changing it is a 409 `account_email_locked`.',
      requestParams: { path: userPathSchema },
      requestBody: { required: true, ...json(upsertUserSchema) },
      responses: {
        200: { description: 'Updated', ...json(userDtoSchema) },
        201: { description: 'Created', ...json(userDtoSchema) },
        ...errors(400, 409, 413, 415),
      },
    },
    get: {
      operationId: 'getUser',
      tags: ['Users'],
      summary: 'Get a recipient by your id',
      description: 'Scope `users:write`.',
      requestParams: { path: userPathSchema },
      responses: { 200: { description: 'The user', ...json(userDtoSchema) }, ...errors(400, 404) },
    },
    delete: {
      operationId: 'eraseUser',
      tags: ['Users'],
      summary: 'Erase a recipient and everything about them (GDPR)',
      description:
        "Scope `users:write`. Removes the user's notifications with their deliveries and attempts, push devices, sessions (their " +
        'sockets are disconnected), preferences and consents, topic subscriptions, digests, invitations, and the user row itself. ' +
        "Sends keep their counts: the erased recipient's reads and answers stay in the send's `readCount` and `actionCounts`; a " +
        'send that named the user by email or externalId names their erased id instead. Done in small batches (other sends go ' +
        'on meanwhile); audited as `user.erased`, which records who erased whom by id and how many rows went, nothing of the ' +
        'person. An admin is erased by another admin in the web app, not with a key: 409 `user_is_admin`.',
      requestParams: { path: userPathSchema },
      responses: { 200: { description: 'Erased: the rows removed, by kind', ...json(userErasureSchema) }, ...errors(400, 404, 409) },
    },
  },
  '/users/{externalId}/export': {
    get: {
      operationId: 'exportUser',
      tags: ['Users'],
      summary: 'Export everything about a recipient (GDPR)',
      description:
        'Scope `users:write`. One JSON document (a download, streamed page by page however large): profile, consents, ' +
        'preferences, push devices (never their endpoint or keys), sessions (never their ids), topic subscriptions, ' +
        'invitations, digests, every notification with its deliveries and attempts, and the audit events about them. ' +
        'Audited as `user.exported`. An admin is exported by another admin in the web app, not with a key (their export holds ' +
        'the audit trail of their admin actions): 409 `user_is_admin`.',
      requestParams: { path: userPathSchema },
      responses: { 200: { description: 'The export', ...json(userExportSchema) }, ...errors(400, 404, 409) },
    },
  },
  '/users/{externalId}/preferences': {
    get: {
      operationId: 'getUserPreferences',
      tags: ['Users'],
      summary: "Get a recipient's notification preferences",
      description:
        'Scope `users:write`. The category × channel matrix (the admin default until the user changes a cell; critical ' +
        'categories are `locked`), the global switch and reachability of each channel, quiet hours and contact points.',
      requestParams: { path: userPathSchema },
      responses: { 200: { description: 'The preferences', ...json(preferencesDtoSchema) }, ...errors(400, 404) },
    },
    put: {
      operationId: 'updateUserPreferences',
      tags: ['Users'],
      summary: "Update a recipient's notification preferences",
      description:
        'Scope `users:write`. Partial: parts left out stay as they are. `null` for a category channel resets it to the ' +
        'category default. An unknown category is a 422 `unknown_category` (`categories.<key>`); changing a locked cell ' +
        'of a critical category is a 422 `preference_locked` (`categories.<key>.channels.<channel>`); then nothing ' +
        "changes. The user's open tabs receive the new preferences.",
      requestParams: { path: userPathSchema },
      requestBody: { required: true, ...json(updatePreferencesSchema) },
      responses: { 200: { description: 'The updated preferences', ...json(preferencesDtoSchema) }, ...errors(400, 404, 413, 415, 422) },
    },
  },
  '/users/{externalId}/contact': {
    patch: {
      operationId: 'updateUserContact',
      tags: ['Users'],
      summary: "Change a recipient's phone number and SMS / WhatsApp consent",
      description:
        'Scope `users:write`. `smsConsent: true` records consent now with source `api`, and needs a phone number ' +
        '(else 422 `phone_required`, path `smsConsent`); `whatsappConsent` likewise, its own record (Meta requires an explicit WhatsApp opt-in). ' +
        'A new phone number clears both consents (consent is for a number). Withdrawing one cancels that channel’s deliveries not yet sent.',
      requestParams: { path: userPathSchema },
      requestBody: { required: true, ...json(updateContactSchema) },
      responses: { 200: { description: 'The updated preferences', ...json(preferencesDtoSchema) }, ...errors(400, 404, 413, 415, 422) },
    },
  },
  '/topics': {
    post: {
      operationId: 'createTopic',
      tags: ['Topics'],
      summary: 'Create a topic',
      description: 'Scope `notifications:write`. An existing key is a 409 `topic_exists`.',
      requestBody: { required: true, ...json(createTopicSchema) },
      responses: { 201: { description: 'Created', ...json(topicDtoSchema) }, ...errors(400, 409, 413, 415) },
    },
    get: {
      operationId: 'listTopics',
      tags: ['Topics'],
      summary: 'List topics',
      description: 'Scope `notifications:write`. Every topic with its subscriber count, by key.',
      responses: { 200: { description: 'The topics', ...json(topicListSchema) }, ...errors() },
    },
  },
  '/topics/{key}': {
    get: {
      operationId: 'getTopic',
      tags: ['Topics'],
      summary: 'Get a topic',
      description: 'Scope `notifications:write`.',
      requestParams: { path: topicPathSchema },
      responses: { 200: { description: 'The topic', ...json(topicDtoSchema) }, ...errors(400, 404) },
    },
  },
  '/topics/{key}/subscribers': {
    post: {
      operationId: 'subscribeToTopic',
      tags: ['Topics'],
      summary: 'Subscribe users to a topic',
      description: subscribersDescription,
      requestParams: { path: topicPathSchema },
      requestBody: subscribersBody,
      responses: { 200: { description: 'Subscribed', ...json(topicSubscribersResultSchema) }, ...errors(400, 404, 413, 415, 422) },
    },
    delete: {
      operationId: 'unsubscribeFromTopic',
      tags: ['Topics'],
      summary: 'Unsubscribe users from a topic',
      description: subscribersDescription,
      requestParams: { path: topicPathSchema },
      requestBody: subscribersBody,
      responses: { 200: { description: 'Unsubscribed', ...json(topicSubscribersResultSchema) }, ...errors(400, 404, 413, 415, 422) },
    },
  },
};
