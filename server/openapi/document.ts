import { createDocument } from 'zod-openapi';
import { createTopicSchema, topicSubscribersSchema, upsertUserSchema } from '../../shared/schemas/directory.js';
import { createNotificationSchema, recipientSchema } from '../../shared/schemas/notification.js';
import { updateContactSchema, updatePreferencesSchema } from '../../shared/schemas/preferences.js';
import { directoryPaths } from './directoryPaths.js';
import { notificationPaths } from './notificationPaths.js';

type OpenApiDocument = ReturnType<typeof createDocument>;

let cached: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the routes validate with.
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
        'Post notifications to your users, manage the recipients and topics they are sent to. Authenticate with ' +
        '`Authorization: Bearer <API key>` (admins create keys in the web app). Every error has the shape ' +
        '`{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.',
    },
    // Relative, so "Try it out" targets whichever host serves these docs.
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }],
    tags: [{ name: 'Notifications' }, { name: 'Sends' }, { name: 'Users' }, { name: 'Topics' }],
    paths: { ...notificationPaths, ...directoryPaths },
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
      },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, e.g. `fn_…`, with the scopes each route names' },
      },
    },
  });
  return cached;
}
