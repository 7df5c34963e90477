import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { createNotificationSchema, LIMITS } from '../../shared/schemas/notification.js';
import { idempotencyHeaderSchema, sendIdParamsSchema } from '../../shared/schemas/sends.js';
import { errors } from './errorResponses.js';
import { createNotificationResultSchema, sendDtoSchema } from './responses.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const ownSendsOnly = 'Scope `notifications:write`. Only sends made with the same API key are visible (others are 404).';

/** `/notifications` and `/sends/{id}` (paths relative to the `/api/v1` server). */
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
        'unknown category is a 422 `unknown_category`.',
      requestParams: { header: idempotencyHeaderSchema },
      requestBody: { required: true, ...json(createNotificationSchema) },
      responses: {
        202: {
          description: 'Accepted: sent now or scheduled',
          headers: z.object({
            'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Set when this is the stored answer of an earlier request with the same Idempotency-Key' }),
          }),
          ...json(createNotificationResultSchema),
        },
        ...errors(400, 409, 413, 422),
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
