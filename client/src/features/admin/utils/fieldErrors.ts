import type { ApiErrorDetail } from '@shared/errors';
import { isApiError } from '../../../lib/api';

/** Messages by form field; `form` collects those no field shows. */
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

/**
 * Sorts an API error's `details[].path` onto form fields; `toField` maps a path to a field name (or
 * undefined for "no field shows this"). The first message per field wins.
 *
 * @example
 * toFieldErrors(error, (path) => (path.startsWith('to.') ? 'to' : path));
 */
export function toFieldErrors<F extends string>(
  error: unknown,
  toField: (path: string) => F | undefined,
): { fields: FieldErrors<F>; unplaced: ApiErrorDetail[] } {
  const fields: FieldErrors<F> = {};
  const unplaced: ApiErrorDetail[] = [];
  if (!isApiError(error)) return { fields, unplaced };
  for (const detail of error.details) {
    const field = toField(detail.path);
    if (field && fields[field] === undefined) fields[field] = detail.message;
    else if (!field) unplaced.push(detail);
  }
  return { fields, unplaced };
}

/**
 * One message per field: the browser's own check (`local`) over the server's, where the check found something.
 * A field the check passed (`undefined`) keeps the server's message: the server knows what the browser cannot
 * (a 409 "already used by another user" comes back for a value the browser found well-formed).
 *
 * @example
 * mergeFieldErrors({ email: 'Already invited' }, { email: undefined }) // → { email: 'Already invited' }
 */
export function mergeFieldErrors<F extends string>(server: Partial<Record<F, string>>, local: Partial<Record<F, string>>): Partial<Record<F, string>> {
  const merged = { ...server };
  for (const [field, message] of Object.entries(local) as [F, string | undefined][]) if (message) merged[field] = message;
  return merged;
}

/** A field path's top-level name: `to.0.email` → `to`. */
export function rootPath(path: string): string {
  return path.split('.')[0] ?? path;
}

/** Props that tie an input to its error message for screen readers. */
export function errorProps(id: string, message: string | undefined, hintId?: string) {
  const describedBy = [message ? `${id}-error` : undefined, hintId].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}
