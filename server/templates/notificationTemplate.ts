import Handlebars from 'handlebars';
import { HttpError } from '../errors.js';

/** The recipient fields a template may use: `{{recipient.name}}` etc. */
export const RECIPIENT_TEMPLATE_FIELDS = ['id', 'name', 'email', 'externalId', 'locale', 'timezone'] as const;

export interface TemplateRecipient {
  id: string;
  name: string;
  email: string;
  externalId: string | null;
  locale: string;
  timezone: string;
}

export interface TemplateContext {
  recipient: TemplateRecipient;
  data: Record<string, unknown>;
}

/**
 * How a rendered value will be shown. `text` (in-app title/body, SMS, push) is stored as plain text and
 * escaped by whatever displays it (React, the push UI), so escaping here would show `&amp;`; `html`
 * (email bodies) keeps Handlebars' default HTML escaping.
 */
export type TemplateFormat = 'text' | 'html';

/** A compiled title or body template, renderable per recipient. */
export interface NotificationTemplate {
  render(context: TemplateContext, format?: TemplateFormat): string;
}

// Templates come from services and admins: no helpers beyond the built-in block helpers, no partials,
// no prototype access (Handlebars' defaults since 4.6), and only `recipient.*` / `data.*` paths.
const engine = Handlebars.create();

/**
 * Parses and checks a template; a syntax error or an unknown variable is a 400 naming the field.
 *
 * @example
 * compileTemplate('Hi {{recipient.name}}, order {{data.orderId}} shipped', 'title').render(ctx)
 */
export function compileTemplate(source: string, field: string): NotificationTemplate {
  try {
    checkPaths(engine.parse(source));
  } catch (err) {
    const message = err instanceof TemplateVariableError ? err.message : oneLine((err as Error).message);
    throw new HttpError(400, 'template_error', `Invalid template in ${field}`, [{ path: field, message }]);
  }
  const options = { strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };
  const text = engine.compile(source, { ...options, noEscape: true });
  const html = engine.compile(source, options);
  return {
    render: (context, format = 'text') => (format === 'html' ? html(context) : text(context)),
  };
}

class TemplateVariableError extends Error {}

const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'];

/** Walks the AST: every variable must start with `recipient.<known field>` or `data` (or be `this` in a block). */
function checkPaths(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; parts?: string[]; original?: string; data?: boolean; path?: { original?: string } };
  if (n.type === 'BlockStatement' && BLOCK_HELPERS.includes(n.path?.original ?? '')) {
    // The helper's name is not a variable; its arguments and body are checked below.
    const { path: _helper, ...rest } = n;
    for (const value of Object.values(rest)) visit(value);
    return;
  }
  if (n.type === 'PathExpression' && !n.data && n.parts && n.parts.length > 0) {
    const [root, field] = n.parts;
    const isBlockLocal = n.original === 'this' || n.original?.startsWith('this.') || n.original?.startsWith('../');
    if (!isBlockLocal && root !== 'data' && !(root === 'recipient' && (RECIPIENT_TEMPLATE_FIELDS as readonly string[]).includes(field ?? ''))) {
      throw new TemplateVariableError(
        `Unknown variable "{{${n.original}}}": use data.<key> or recipient.${RECIPIENT_TEMPLATE_FIELDS.join('|')}`,
      );
    }
  }
  for (const value of Object.values(node)) visit(value);
}

function visit(value: unknown): void {
  if (Array.isArray(value)) value.forEach(checkPaths);
  else if (value && typeof value === 'object') checkPaths(value);
}

/**
 * Handlebars parse errors span four lines (position, source excerpt, caret, expectation); the first and
 * last say what matters: "Parse error on line 1: Expecting 'ID', got 'CLOSE'".
 */
function oneLine(message: string): string {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  if (lines.length <= 1) return message.trim();
  return `${lines[0]!.replace(/:$/, '')}: ${lines[lines.length - 1]!.trim()}`;
}
