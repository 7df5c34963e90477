import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { HttpError, ServiceUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { redactUrl } from '../logRedaction.js';

/** Body-parser and csrf-sync report client mistakes as errors with these fields. */
interface ClientError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
}

const invalidPathError = () =>
  new HttpError(400, 'invalid_path', 'The URL path is not valid percent-encoded UTF-8', [
    { path: 'path', message: 'Must be valid percent-encoded UTF-8' },
  ]);

/** Whether a path decodes as percent-encoded UTF-8, as Express decodes route parameters. */
function decodesCleanly(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The HttpError an error answers as (client mistakes, outages), or undefined for a bug (a 500). */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // A dependency outage, not a bug: 503 + Retry-After (also for the session store: never a false 401).
  if (isDatabaseUnavailable(err)) return ServiceUnavailableError();
  // Express's router decodes path parameters with decodeURIComponent: `%ff`, `%` or overlong UTF-8 in any
  // route's path throw a URIError (marked status 400) before the route runs, so no route can handle it itself.
  // A URIError without that mark is our own bug and stays a 500.
  if (err instanceof URIError && (err as ClientError).status === 400) return invalidPathError();
  const e = err as ClientError;
  if (e?.code === 'csrf_invalid') return new HttpError(403, 'csrf_invalid', 'Missing or invalid CSRF token: send the x-csrf-token header');
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'The request body is not valid JSON');
  if (e?.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'The request body is too large');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_encoding', 'Unsupported request body encoding');
  }
  const status = e?.status ?? e?.statusCode;
  if (e?.expose && status && status >= 400 && status < 500) return new HttpError(status, 'bad_request', 'Bad request');
  return undefined;
}

/** Shapes every error as `{ error: { code, message, details? } }`; only unexpected ones are 500s, and logged. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const httpError = toHttpError(err);
    if (httpError) {
      if (httpError.headers) res.set(httpError.headers);
      res.status(httpError.status).json(httpError.toBody());
      return;
    }
    log.error({ err, method: req.method, url: redactUrl(req.originalUrl) }, 'Unhandled error');
    res.status(500).json({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
  };
}

/**
 * JSON 404 for unknown `/api` routes (the SPA handles every other path). A path that is not valid
 * percent-encoding is a 400 `invalid_path` here too: a route with parameters would have said so, and the
 * answer must not depend on whether some route happened to match (`/api/%ff` as `/api/v1/sends/%ff`).
 */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  if (!decodesCleanly(req.originalUrl.split('?')[0]!)) {
    next(invalidPathError());
    return;
  }
  next(new HttpError(404, 'not_found', `No route ${req.method} ${req.baseUrl}${req.path}`));
};
