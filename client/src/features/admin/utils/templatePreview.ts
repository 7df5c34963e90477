import { truncateText } from '@shared/text';

/** The recipient the composer's preview pretends to send to. */
export const PREVIEW_RECIPIENT = {
  name: 'Alex Example',
  email: 'alex@example.com',
  externalId: 'user-123',
};

/** Variables the server's template engine fills in, shown as a hint under the fields. */
export const TEMPLATE_VARIABLES = ['{{recipient.name}}', '{{recipient.email}}', '{{recipient.externalId}}', '{{data.orderId}}'];

const VARIABLE = /\{\{\{?\s*([\w.]+)\s*\}?\}\}/g;

/**
 * Renders a title/body template the way a recipient would roughly see it: recipient variables get the
 * sample person, `data.x` comes from the composer's data (or stays visible as `[data.x]`), and the result
 * is cut to `max` characters as the server stores it. Work is bounded by `max`: substitution stops once
 * the text is past it (5,000 characters of `{{data.s}}` over a 16 KiB value would otherwise build
 * megabytes on every keystroke).
 *
 * @example
 * renderPreview('Hi {{recipient.name}}', {}, LIMITS.titleMax); // "Hi Alex Example"
 */
export function renderPreview(template: string, data: Record<string, unknown> | null, max: number): string {
  let rendered = '';
  let from = 0;
  for (const match of template.matchAll(VARIABLE)) {
    rendered += template.slice(from, match.index) + substitute(match[0], match[1]!, data);
    from = match.index + match[0].length;
    // One character past the limit is enough for truncateText to know it must cut.
    if (rendered.length > max) return truncateText(rendered, max);
  }
  return truncateText(rendered + template.slice(from), max);
}

function substitute(match: string, path: string, data: Record<string, unknown> | null): string {
  const [root, ...rest] = path.split('.');
  if (root === 'recipient') {
    const value = PREVIEW_RECIPIENT[rest.join('.') as keyof typeof PREVIEW_RECIPIENT];
    return value ?? match;
  }
  if (root === 'data') {
    const value = rest.reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
    if (value === undefined || value === null) return `[${path}]`;
    // The preview shows what the recipient will get: the engine prints an object as "[object Object]" too.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- that output is the point here
    return String(value);
  }
  return match;
}
