import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorDetail } from '../shared/errors.js';

/** An error that becomes a JSON response with its own status; anything else is a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** The response body (DESIGN.md "Edges"). */
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** 400 listing every invalid field by path (`to.0.email`, `cursor`): zod's issues, then any `extra` ones. */
export function ValidationError(error: z.ZodError | undefined, where: string, extra: ApiErrorDetail[] = []): HttpError {
  return new HttpError(400, 'validation_failed', `Invalid ${where}`, [...(error ? zodIssuesToDetails(error.issues) : []), ...extra]);
}

/**
 * Flattens zod issues into `{ path, message }`, one per field: unknown keys are listed one per key so each
 * names its field, and a field several checks refused is named once, by the first (zod 4 runs a schema's
 * later checks after an earlier one failed: `regex().refine()` reported an invalid cursor twice).
 */
export function zodIssuesToDetails(issues: z.core.$ZodIssue[]): ApiErrorDetail[] {
  const details = issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
  const named = new Set<string>();
  return details.filter((detail) => !named.has(detail.path) && named.add(detail.path));
}

export const NotFoundError = (what = 'resource') => new HttpError(404, 'not_found', `No such ${what}`);
export const UnauthorizedError = (message = 'Sign in first') => new HttpError(401, 'unauthorized', message);
export const ForbiddenError = (message = 'Not allowed') => new HttpError(403, 'forbidden', message);
/** 415: a JSON route got a body of another type (`text/plain`, a form, no Content-Type at all). */
export const UnsupportedMediaTypeError = () =>
  new HttpError(415, 'unsupported_media_type', 'The request body must be JSON: send it with Content-Type: application/json', [
    { path: 'headers.content-type', message: 'Must be application/json' },
  ]);
export const InvalidCredentialsError = () =>
  new HttpError(401, 'invalid_credentials', 'Email or password is incorrect');

/** How long a client should wait before retrying while a dependency is down (`Retry-After`, seconds). */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** 503 + `Retry-After`: a dependency (the database) is unreachable; the request itself was fine. */
export const ServiceUnavailableError = () =>
  new HttpError(503, 'service_unavailable', 'The service is temporarily unavailable (database unreachable); retry shortly', undefined, {
    'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S),
  });
