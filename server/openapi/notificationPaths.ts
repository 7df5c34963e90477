import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { createNotificationSchema, LIMITS } from '../../shared/schemas/notification.js';
import { BULK_MAX_ITEMS, BULK_MAX_NOTIFICATIONS, bulkItemSchema, idempotencyHeaderSchema, sendIdParamsSchema } from '../../shared/schemas/sends.js';
import { errors } from './errorResponses.js';
import { createNotificationResultSchema, sendDtoSchema } from './responses.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const ownSendsOnly = 'Scope `notifications:write`. Only sends made with the same API key are visible (others are 404).';

/** `/notifications` and `/sends/{id}` (paths relative to `/api/v1`: document.ts puts them under `/v1` of the `/api` server). */
export const notificationPaths: ZodOpenApiPathsObject = {
  '/notifications': {
    post: {
      operationId: 'createNotification',
      tags: ['Notifications'],
      summary: 'Send a notification',
      description:
        'Scope `notifications:write`. `to` selects recipients by user id, externalId, email, topic or `{ "all": true }` ' +
        `(deduplicated; repeated selectors cost nothing; at most ${LIMITS.topicsPerSendMax} distinct topics). ` +
        '`title` and `body` are templates (`{{recipient.name}}`, `{{data.orderId}}`), HTML-escaped. ' +
        'With `scheduledAt` in the future the send is stored and released when due. A template error is a 400 ' +
        'naming the field. Unknown recipients are a 422 `unknown_recipient` naming each entry (`to.2.email`); an ' +
        'unknown category is a 422 `unknown_category`. Rich notifications: `icon` (an https: image URL or a path; ' +
        "else the category's icon) and up to two `actions` — `acknowledge` records the recipient's choice, `url` " +
        'also opens its link; `GET /sends/{id}` counts who took which (`actionCounts`).',
      requestParams: { header: idempotencyHeaderSchema },
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: createNotificationSchema,
            examples: {
              simple: { summary: 'One user', value: { to: [{ externalId: 'user-42' }], title: 'Your order shipped', body: 'Order {{data.orderId}} is on its way.', data: { orderId: 'A-1001' } } },
              withActions: {
                summary: 'An approval with an icon and two actions',
                value: {
                  to: [{ externalId: 'manager-7' }],
                  title: 'Ada asks for 3 days off',
                  icon: 'https://cdn.example.com/avatars/ada.png',
                  actions: [
                    { id: 'approve', label: 'Approve', kind: 'acknowledge', style: 'primary' },
                    { id: 'view', label: 'View request', kind: 'url', url: 'https://hr.example.com/requests/42', style: 'secondary' },
                  ],
                },
              },
            },
          },
        },
      },
      responses: {
        202: {
          description: 'Accepted: sent now or scheduled',
          headers: z.object({
            'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Set when this is the stored answer of an earlier request with the same Idempotency-Key' }),
          }),
          ...json(createNotificationResultSchema),
        },
        ...errors(400, 409, 413, 415, 422),
      },
    },
  },
  '/notifications/bulk': {
    post: {
      operationId: 'createNotificationsBulk',
      tags: ['Notifications'],
      summary: 'Send many different notifications in one request',
      description:
        `Scope \`notifications:write\`. Up to ${BULK_MAX_ITEMS} items (body up to 8 MiB), each a \`POST /notifications\` ` +
        'body with its own optional `idempotencyKey` (the same rules as the `Idempotency-Key` header, per item; the ' +
        'header itself is refused here with a 400 naming it, since one key cannot stand for many sends). Each item is ' +
        'checked and sent on its own, as if posted alone — the same schema, text, 256 KiB and 32-level depth checks, ' +
        'depth counted from the item — and committed together with the others (group commit). The answer is 200 ' +
        'with one result per item, in request order: the status and body that item alone would have got (202 and the ' +
        'send, or its 4xx / 503 error, whose `details` name fields from the request root: `notifications.3.title`); ' +
        '`replayed: true` marks an item whose key was used before; `retryAfterSeconds` marks an item refused for a ' +
        'while (503 `overloaded` / `service_unavailable`), and the response then carries the longest as `Retry-After`. ' +
        'The request is admitted to the ingest queue as one unit: its own items never crowd each other out. A 4xx for ' +
        'the whole request means its envelope was wrong (not JSON, not `{ notifications: [...] }`, 0 or more than ' +
        `${BULK_MAX_ITEMS} items, over 8 MiB) and nothing was sent. The items may create at most ` +
        `${BULK_MAX_NOTIFICATIONS} notifications in all (\`all\` and topics count their members): an item that would go ` +
        'past it gets 422 `bulk_too_large` and is not sent (broadcasts belong in `POST /notifications`).',
      requestBody: {
        required: true,
        ...json(z.strictObject({ notifications: z.array(bulkItemSchema).min(1).max(BULK_MAX_ITEMS) })),
      },
      requestParams: {
        header: z.object({
          'Idempotency-Key': z.string().optional().meta({ description: 'Not taken here: any value is a 400 naming it; give each item its own `idempotencyKey`' }),
        }),
      },
      responses: {
        200: {
          description: 'One result per item, in request order',
          headers: z.object({
            'Retry-After': z.string().optional().meta({ description: 'Set when an item has `retryAfterSeconds`: the longest of them' }),
          }),
          ...json(
            z.object({
              results: z.array(
                z.object({
                  status: z.number().int().meta({ description: '202 when the item was sent or scheduled; else its error status' }),
                  body: z.unknown().meta({ description: 'CreateNotificationResult (202) or an error body `{ error: { code, message, details } }`' }),
                  replayed: z.literal(true).optional(),
                  retryAfterSeconds: z
                    .number()
                    .int()
                    .optional()
                    .meta({ description: 'Seconds to wait before retrying this item (503 `overloaded` / `service_unavailable`)' }),
                }),
              ),
            }),
          ),
        },
        ...errors(400, 413, 415),
      },
    },
  },
  '/sends/{id}': {
    get: {
      operationId: 'getSend',
      tags: ['Sends'],
      summary: 'Get a send and its status',
      description: `${ownSendsOnly} Status: scheduled → processing → sent, or cancelled / failed.`,
      requestParams: { path: sendIdParamsSchema },
      responses: { 200: { description: 'The send', ...json(sendDtoSchema) }, ...errors(400, 404) },
    },
    delete: {
      operationId: 'cancelSend',
      tags: ['Sends'],
      summary: 'Cancel a scheduled send',
      description:
        `${ownSendsOnly} Only a send that has not gone out can be cancelled; otherwise 409 \`send_not_cancellable\`.`,
      requestParams: { path: sendIdParamsSchema },
      responses: { 200: { description: 'The cancelled send', ...json(sendDtoSchema) }, ...errors(400, 404, 409) },
    },
  },
};
