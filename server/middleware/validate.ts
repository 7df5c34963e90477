import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Parses one part of a request with a zod schema from shared/, or throws a 400 naming every bad field.
 *
 * @example
 * const query = parseInput(listNotificationsQuerySchema, req.query, 'query string');
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw ValidationError(parsed.error, where);
  return parsed.data;
}
