import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { createTopicSchema, topicPathSchema, topicSubscribersSchema, upsertUserSchema, userPathSchema } from '../../shared/schemas/directory.js';
import { errors } from './errorResponses.js';
import { topicDtoSchema, topicListSchema, topicSubscribersResultSchema, userDtoSchema } from './responses.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const subscribersBody = { required: true, ...json(topicSubscribersSchema) };
const subscribersDescription =
  'Scope `notifications:write`. Users by our `userId` or your `externalId` (1–1000). Repeats are no-ops: ' +
  '`changed` counts only real changes. Any unknown user is a 422 `unknown_user` naming it ' +
  '(`subscribers.3.externalId`), and then nothing changes.';

/** `/users/{externalId}` and `/topics…` (paths relative to the `/api/v1` server). */
export const directoryPaths: ZodOpenApiPathsObject = {
  '/users/{externalId}': {
    put: {
      operationId: 'upsertUser',
      tags: ['Users'],
      summary: 'Create or update a recipient by your id',
      description:
        'Scope `users:write`. Emails are stored lower-case and unique: an email used by another user is a 409 ' +
        '`email_taken`. On update, optional fields left out keep their value; `phone: null` clears it.',
      requestParams: { path: userPathSchema },
      requestBody: { required: true, ...json(upsertUserSchema) },
      responses: {
        200: { description: 'Updated', ...json(userDtoSchema) },
        201: { description: 'Created', ...json(userDtoSchema) },
        ...errors(400, 409, 413),
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
  },
  '/topics': {
    post: {
      operationId: 'createTopic',
      tags: ['Topics'],
      summary: 'Create a topic',
      description: 'Scope `notifications:write`. An existing key is a 409 `topic_exists`.',
      requestBody: { required: true, ...json(createTopicSchema) },
      responses: { 201: { description: 'Created', ...json(topicDtoSchema) }, ...errors(400, 409, 413) },
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
      responses: { 200: { description: 'Subscribed', ...json(topicSubscribersResultSchema) }, ...errors(400, 404, 413, 422) },
    },
    delete: {
      operationId: 'unsubscribeFromTopic',
      tags: ['Topics'],
      summary: 'Unsubscribe users from a topic',
      description: subscribersDescription,
      requestParams: { path: topicPathSchema },
      requestBody: subscribersBody,
      responses: { 200: { description: 'Unsubscribed', ...json(topicSubscribersResultSchema) }, ...errors(400, 404, 413, 422) },
    },
  },
};
