import Handlebars from 'handlebars';
import { LRUCache } from 'lru-cache';
import { HttpError } from '../errors.js';
import { checkTemplate, TemplateCheckError } from './checkTemplate.js';
import { budgetEach, meteredContext, RenderBudgetExceeded, renderWithinBudget } from './renderBudget.js';

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
  /**
   * The template rendered for one recipient, at most TEMPLATE_OUTPUT_MAX characters (renderBudget.ts).
   *
   * @throws HttpError 422 `template_output_too_large` naming the field, when the output or the `{{#each}}`
   *   items exceed their caps (the rendering stops there); 400 `template_error` if Handlebars fails
   */
  render(context: TemplateContext, format?: TemplateFormat): string;
}

// Templates come from services and admins: no helpers beyond the built-in block helpers, no partials,
// no prototype access (Handlebars' defaults since 4.6), only `recipient.*` / `data.*` paths
// (checkTemplate.ts), and a budget on what one rendering may do (renderBudget.ts).
const engine = Handlebars.create();
budgetEach(engine);

const COMPILE_OPTIONS = { strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };

/**
 * Compiled templates by field and source. Services send the same few templates over and over, and
 * parsing, checking and compiling one cost more than rendering it (Handlebars compiles to JavaScript on
 * first render: ~40 ms for a 5,000-character body of 500 mustaches). A compiled template holds no
 * per-send state (the budget and context are per rendering), so one instance serves every send.
 * Bounded by count: sources are at most 5,000 characters, so 500 entries stay under ~10 MB.
 */
const compiled = new LRUCache<string, NotificationTemplate>({ max: 500 });

/**
 * Parses and checks a template; a syntax error or an unknown variable is a 400 naming the field. The
 * same source for the same field gives the same compiled template (cached, see `compiled`).
 *
 * @example
 * compileTemplate('Hi {{recipient.name}}, order {{data.orderId}} shipped', 'title').render(ctx)
 */
export function compileTemplate(source: string, field: string): NotificationTemplate {
  // No mustache, nothing to render: Handlebars would output the text verbatim (it escapes only what a
  // mustache outputs), in both formats. Services that send finished text, different each time, would
  // otherwise compile (and evict from the cache) a template per notification.
  if (!source.includes('{{')) return { render: () => source };
  const key = `${field}\u0000${source}`;
  let template = compiled.get(key);
  if (!template) {
    template = compileUncached(source, field);
    compiled.set(key, template);
  }
  return template;
}

function compileUncached(source: string, field: string): NotificationTemplate {
  try {
    checkTemplate(engine.parse(source));
  } catch (err) {
    throw templateError(field, err instanceof TemplateCheckError ? err.message : oneLine((err as Error).message));
  }
  const text = engine.compile(source, { ...COMPILE_OPTIONS, noEscape: true });
  const html = engine.compile(source, COMPILE_OPTIONS);
  return {
    render: (context, format = 'text') => {
      // Only what a template may read is in its context, whatever path reaches it (`../`, `@root`);
      // metered, so the rendering stops as soon as what it has read passes the output cap.
      const scoped = meteredContext({ recipient: templateFields(context.recipient), data: context.data });
      try {
        return renderWithinBudget(() => (format === 'html' ? html(scoped) : text(scoped)));
      } catch (err) {
        if (err instanceof RenderBudgetExceeded) {
          throw new HttpError(422, 'template_output_too_large', `The ${field} template renders too much`, [{ path: field, message: err.message }]);
        }
        throw templateError(field, oneLine((err as Error).message));
      }
    },
  };
}

function templateFields(recipient: TemplateRecipient): TemplateRecipient {
  const { id, name, email, externalId, locale, timezone } = recipient;
  return { id, name, email, externalId, locale, timezone };
}

const templateError = (field: string, message: string) =>
  new HttpError(400, 'template_error', `Invalid template in ${field}`, [{ path: field, message }]);

/**
 * Handlebars parse errors span four lines (position, source excerpt, caret, expectation); the first and
 * last say what matters: "Parse error on line 1: Expecting 'ID', got 'CLOSE'".
 */
function oneLine(message: string): string {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  if (lines.length <= 1) return message.trim();
  return `${lines[0]!.replace(/:$/, '')}: ${lines[lines.length - 1]!.trim()}`;
}
