import type { RequestHandler } from 'express';
import { z } from 'zod';
import { parseInput } from './validate.js';

const EMPTY_QUERY = z.strictObject({});

/**
 * For routes that take no query string: any query field is a 400 `validation_failed` naming it (`Unknown
 * field`), as routes with a query schema answer for fields they do not know. A mistyped or misplaced
 * parameter (`?cursor=` on a route that does not page) is then reported instead of silently ignored.
 * Not on links people open from emails (unsubscribe, "open"): link trackers append parameters there.
 *
 * @example
 * router.get('/categories', noQuery, handler);
 */
export const noQuery: RequestHandler = (req, _res, next) => {
  parseInput(EMPTY_QUERY, req.query, 'query string');
  next();
};
