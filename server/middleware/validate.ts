import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { findUnstorableText } from './unstorableText.js';

/**
 * Parses one part of a request with a zod schema from shared/, or throws a 400 naming every bad field.
 * Every route input passes here, so this is also where text no database can store (NUL, lone surrogates)
 * is refused, for every field of every schema, present and future, without each schema having to say so.
 *
 * @example
 * const query = parseInput(listNotificationsQuerySchema, req.query, 'query string');
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  const unstorable = findUnstorableText(value);
  if (parsed.success && unstorable.length === 0) return parsed.data;
  // One message per field: a field zod already refused is not named twice.
  const named = new Set(parsed.error?.issues.map((issue) => issue.path.map(String).join('.')));
  throw ValidationError(parsed.error, where, unstorable.filter((detail) => !named.has(detail.path)));
}
