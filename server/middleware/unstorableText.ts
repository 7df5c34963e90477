import type { ApiErrorDetail } from '../../shared/errors.js';

/** At most this many fields are named in one answer; one is enough to fix the request. */
const MAX_DETAILS = 20;

// U+0000 cannot be stored in PostgreSQL `text` (it answers "invalid byte sequence"), and a lone UTF-16
// surrogate has no UTF-8 form: the drivers silently store U+FFFD instead. Neither is text anyone meant.
const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemOf(text: string): string | undefined {
  if (text.includes(NUL)) return 'Must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'Must be well-formed Unicode text (no lone surrogates)';
  return undefined;
}

/**
 * Every string in a request input (values and object keys, at any depth) that no database can store as
 * sent, named by its dotted path like zod issues (`title`, `to.0.email`, `categories.billing`).
 * Iterative, so a deeply nested body cannot overflow the stack here.
 *
 * @example
 * findUnstorableText({ title: 'a\u0000b' }); // [{ path: 'title', message: 'Must not contain NUL characters (U+0000)' }]
 */
export function findUnstorableText(input: unknown): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  // Paths are parent links, joined only for a field that is named: copying them per node would be
  // quadratic in the depth.
  const stack: [unknown, PathLink | undefined][] = [[input, undefined]];
  while (stack.length > 0 && details.length < MAX_DETAILS) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const message = problemOf(value);
      if (message) details.push({ path: joinPath(path), message });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const link = { parent: path, key };
        const keyProblem = problemOf(key);
        if (keyProblem) details.push({ path: joinPath(link), message: `Key: ${keyProblem}` });
        stack.push([child, link]);
      }
    }
  }
  return details;
}

interface PathLink {
  parent: PathLink | undefined;
  key: string;
}

function joinPath(link: PathLink | undefined): string {
  const keys: string[] = [];
  for (let l = link; l; l = l.parent) keys.push(l.key);
  return keys.reverse().join('.');
}
