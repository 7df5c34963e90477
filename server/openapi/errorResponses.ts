import { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { errorBodySchema } from './responses.js';

/** One documented error response; `id` registers it once under components.responses and $refs it everywhere. */
function errorResponse(id: string, description: string, headers?: ZodOpenApiResponseObject['headers']): ZodOpenApiResponseObject {
  return { id, description, content: { 'application/json': { schema: errorBodySchema } }, ...(headers ? { headers } : {}) };
}

const rateLimitHeaders = z.object({
  'Retry-After': z.string().meta({ description: 'Seconds until the key may send again' }),
  RateLimit: z.string().meta({ description: 'IETF draft-8 RateLimit header: remaining quota and reset' }),
  'RateLimit-Policy': z.string().meta({ description: 'IETF draft-8 RateLimit-Policy header: the per-minute quota' }),
});

/** Every error status the v1 API answers with, by status code. */
export const ERRORS = {
  400: errorResponse('BadRequest', 'Invalid input (`validation_failed`, `invalid_json`, `json_too_deep`); `details` names each bad field by path'),
  401: errorResponse('Unauthorized', 'Missing, unknown or revoked API key (`unauthorized`)'),
  403: errorResponse('Forbidden', 'The API key lacks the scope this route needs (`forbidden`)'),
  404: errorResponse('NotFound', 'No such resource or route (`not_found`)'),
  409: errorResponse('Conflict', 'Conflicts with the current state (code per operation, see its description)'),
  413: errorResponse('PayloadTooLarge', 'The request body is over 256 KiB, 8 MiB for the bulk endpoint (`payload_too_large`)'),
  415: errorResponse(
    'UnsupportedMediaType',
    'The body was sent with another Content-Type than `application/json` (`unsupported_media_type`, detail `headers.content-type`)',
  ),
  422: errorResponse('UnprocessableEntity', 'Well-formed but refers to something that does not exist (code per operation)'),
  429: errorResponse('TooManyRequests', 'Over this API key\'s per-minute quota (`rate_limited`)', rateLimitHeaders),
} as const;

export type ErrorStatus = keyof typeof ERRORS;

/**
 * The error responses of one operation: 401, 403 and 429 apply to every v1 route and are always included.
 *
 * @example
 * responses: { 200: ok, ...errors(400, 404) }
 */
export function errors(...statuses: ErrorStatus[]): Partial<Record<`${ErrorStatus}`, ZodOpenApiResponseObject>> {
  const all = [...new Set<ErrorStatus>([...statuses, 401, 403, 429])].sort();
  return Object.fromEntries(all.map((status) => [String(status), ERRORS[status]]));
}

const INBOX_401 = errorResponse(
  'InboxUnauthorized',
  'No valid credentials. With a user token: `token_expired` (ask your backend for a new one), `invalid_token` (malformed, ' +
    'bad signature, not HS256, unknown / revoked / expired `kid`, `sub` or `exp` missing, `exp` too far ahead, or not a ' +
    'Bearer `Authorization` header), `unknown_user` (no user has the token\'s `sub` as externalId). Without a token: ' +
    '`unauthorized` (no session cookie), or `session_changed` when the cookie now belongs to another user than the ' +
    '`x-expected-user` header names.',
  z.object({
    'WWW-Authenticate': z
      .string()
      .optional()
      .meta({ description: 'On a refused user token (RFC 6750): `Bearer error="invalid_token", error_description="…"`' }),
  }),
);

/** The inbox API's errors where they differ from v1's: its credentials are a user token or the web app's cookie. */
const INBOX_ERRORS = {
  ...ERRORS,
  401: INBOX_401,
  403: errorResponse(
    'InboxForbidden',
    'Changes only. `origin_not_allowed`: sent from a page whose origin is neither this app\'s nor in ALLOWED_ORIGINS ' +
      '(`details` names the header). `csrf_invalid`: a cookie-authenticated change without the session\'s `x-csrf-token`.',
  ),
  410: errorResponse('Gone', 'Too late: what the token undid or named has expired (code per operation, e.g. `undo_expired`)'),
  413: errorResponse('InboxPayloadTooLarge', 'The request body is over 64 KiB (`payload_too_large`)'),
} as const;

type InboxErrorStatus = 400 | 403 | 404 | 409 | 410 | 413 | 415 | 422;

/**
 * The error responses of one inbox operation (`/api/notifications`, `/api/preferences`, `/api/push`): 401 is
 * always included; there is no rate limit and no scope, so no 429 and no API-key 403.
 *
 * @example
 * responses: { 200: ok, ...inboxErrors(400, 403, 404) }
 */
export function inboxErrors(...statuses: InboxErrorStatus[]): Partial<Record<`${InboxErrorStatus | 401}`, ZodOpenApiResponseObject>> {
  const all = [...new Set<InboxErrorStatus | 401>([...statuses, 401])].sort();
  return Object.fromEntries(all.map((status) => [String(status), INBOX_ERRORS[status]]));
}
