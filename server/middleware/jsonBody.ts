import express, { type Request, type RequestHandler } from 'express';
import { HttpError, UnsupportedMediaTypeError } from '../errors.js';

/**
 * Deepest nesting of objects/arrays accepted in a JSON body (the top-level value is level 1). Generous
 * for any real payload (a notification's `data` rarely goes past 5), and far below what blows the stack
 * of recursive code downstream: `JSON.stringify`, zod, templates (20,000 levels was a 500 RangeError).
 */
export const JSON_MAX_DEPTH = 32;

/**
 * Largest JSON body of a `/api/v1` route, in bytes (256 KiB), and of each item of a bulk request, so an
 * item is taken in bulk exactly when it would be taken alone. The bulk body as a whole may be larger.
 */
export const SERVICE_API_BODY_LIMIT = 256 * 1024;

/** Largest JSON body the web app's session routes take (`/api/…` outside `/api/v1`). */
export const WEB_APP_BODY_LIMIT = '64kb';

interface Frame {
  value: object;
  depth: number;
  key: string;
  parent: Frame | undefined;
}

/**
 * The dotted path of the first object/array nested deeper than `maxDepth` (`data.a.b…`), or undefined.
 * Iterative (an explicit stack), so no input depth can overflow the call stack while checking it.
 *
 * @example
 * findTooDeep({ data: { a: { b: {} } } }, 3) // 'data.a.b'
 */
export function findTooDeep(value: unknown, maxDepth: number): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Frame[] = [{ value, depth: 1, key: '', parent: undefined }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.depth > maxDepth) return pathOf(frame);
    for (const [key, child] of Object.entries(frame.value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child as object, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.');
}

/** 400 `json_too_deep` naming the first field nested deeper than `maxDepth` (of a body, or of one bulk item). */
export const JsonTooDeepError = (path: string, maxDepth = JSON_MAX_DEPTH) =>
  new HttpError(400, 'json_too_deep', `The JSON body is nested deeper than ${maxDepth} levels`, [
    { path, message: `Nested deeper than the limit of ${maxDepth} levels` },
  ]);

/**
 * Whether the request carries body bytes: chunked, or a Content-Length above 0. A POST without a body
 * (fetch and curl send `Content-Length: 0`) carries none, whatever its Content-Type says.
 */
function carriesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

export interface JsonBodyOptions {
  /** Deepest nesting accepted (default JSON_MAX_DEPTH); Infinity when the route checks parts on its own. */
  maxDepth?: number;
}

/**
 * `express.json({ limit })` that also refuses bodies nested deeper than `maxDepth` (400 `json_too_deep`
 * naming the path and the limit) and bodies that are not JSON at all: a body sent as `text/plain`, a
 * form or with no Content-Type is a 415 `unsupported_media_type` naming `application/json` (express.json
 * would leave it unparsed, and the route would report every field as missing). A request without body
 * bytes passes, so routes whose body is optional keep taking none. Use it for every JSON body the server
 * parses, after the request's credentials are checked.
 *
 * @example
 * router.use(requireApiKey(ctx), jsonBody('256kb'));
 */
export function jsonBody(limit: string | number, { maxDepth = JSON_MAX_DEPTH }: JsonBodyOptions = {}): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    if (carriesBody(req) && !req.is('application/json')) return next(UnsupportedMediaTypeError());
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const path = findTooDeep(req.body, maxDepth);
      next(path === undefined ? undefined : JsonTooDeepError(path, maxDepth));
    });
  };
}
