import express, { type RequestHandler } from 'express';
import { HttpError } from '../errors.js';

/**
 * Deepest nesting of objects/arrays accepted in a JSON body (the top-level value is level 1). Generous
 * for any real payload (a notification's `data` rarely goes past 5), and far below what blows the stack
 * of recursive code downstream: `JSON.stringify`, zod, templates (20,000 levels was a 500 RangeError).
 */
export const JSON_MAX_DEPTH = 32;

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

/**
 * `express.json({ limit })` that also refuses bodies nested deeper than `maxDepth`: 400 `json_too_deep`
 * naming the path and the limit. Use it for every JSON body the server parses.
 *
 * @example
 * app.use('/api/v1', jsonBody('256kb'), v1Router(ctx));
 */
export function jsonBody(limit: string, maxDepth = JSON_MAX_DEPTH): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const path = findTooDeep(req.body, maxDepth);
      if (path === undefined) return next();
      next(
        new HttpError(400, 'json_too_deep', `The JSON body is nested deeper than ${maxDepth} levels`, [
          { path, message: `Nested deeper than the limit of ${maxDepth} levels` },
        ]),
      );
    });
  };
}
