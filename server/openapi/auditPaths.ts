import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { listAuditQuerySchema } from '../../shared/schemas/audit.js';
import { errors } from './errorResponses.js';
import { auditEventPageSchema } from './gdprResponses.js';

/** `/audit` (relative to `/api/v1`, as the other v1 path modules). */
export const auditPaths: ZodOpenApiPathsObject = {
  '/audit': {
    get: {
      operationId: 'listAuditEvents',
      tags: ['Audit'],
      summary: 'Read the audit log',
      description:
        'Scope `audit:read`. Every change an admin or an API key made (keys, users and roles, invitations, categories, ' +
        'topics and subscribers, channels, user-token secrets, sends created and cancelled, deliveries retried, recipients ' +
        'upserted, exported and erased), newest first, 50 a page by default. `action` is an action or a dotted prefix ' +
        '(`user` for every `user.*`); `from` is inclusive and `to` exclusive. Append-only: nothing can change or remove an event.',
      requestParams: { query: listAuditQuerySchema },
      responses: { 200: { description: 'A page of events', content: { 'application/json': { schema: auditEventPageSchema } } }, ...errors(400) },
    },
  },
};
