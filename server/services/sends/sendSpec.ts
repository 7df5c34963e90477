import type { NotificationAction } from '../../../shared/schemas/actions.js';
import { LIMITS, type ChannelOverrides, type CreateNotificationInput, type Recipient } from '../../../shared/schemas/notification.js';
import { hasVisibleText, truncateText } from '../../../shared/text.js';
import { HttpError } from '../../errors.js';
import type { Priority } from '../../../shared/types.js';
import { compileTemplate, type NotificationTemplate, type TemplateRecipient } from '../../templates/notificationTemplate.js';
import { mapInSlices } from '../slices.js';

/** What a send delivers, independent of when: stored on the Send row, rendered per recipient at release. */
export interface SendSpec {
  to: Recipient[];
  title: string;
  body: string;
  category: string;
  priority: Priority;
  actionUrl: string | null;
  /** The send's own icon (a category's default is applied per notification, see commitSends). */
  icon: string | null;
  actions: NotificationAction[];
  data: Record<string, unknown> | null;
  channels: ChannelOverrides | null;
}

/** Who sends: an API key (services) or an admin user (composer). */
export interface SendSender {
  apiKeyId?: string;
  userId?: string;
}

export function specFromInput(input: CreateNotificationInput): SendSpec {
  return {
    to: input.to,
    title: input.title,
    body: input.body,
    category: input.category,
    priority: input.priority,
    actionUrl: input.actionUrl ?? null,
    icon: input.icon ?? null,
    actions: input.actions ?? [],
    data: input.data ?? null,
    channels: input.channels ?? null,
  };
}

/** The Send columns that hold a spec (JSON parts serialized). */
export interface SpecColumns {
  recipients: string;
  title: string;
  body: string;
  category: string;
  priority: string;
  actionUrl: string | null;
  icon: string | null;
  /** JSON array, null when there are none. */
  actions: string | null;
  data: string | null;
  channels: string | null;
}

export function specToColumns(spec: SendSpec): SpecColumns {
  return {
    recipients: JSON.stringify(spec.to),
    title: spec.title,
    body: spec.body,
    category: spec.category,
    priority: spec.priority,
    actionUrl: spec.actionUrl,
    icon: spec.icon,
    actions: actionsColumn(spec.actions),
    data: spec.data ? JSON.stringify(spec.data) : null,
    channels: spec.channels ? JSON.stringify(spec.channels) : null,
  };
}

/** Reads a spec back from a Send row. */
export function specFromColumns(row: SpecColumns): SendSpec {
  return {
    to: JSON.parse(row.recipients) as Recipient[],
    title: row.title,
    body: row.body,
    category: row.category,
    priority: row.priority as Priority,
    actionUrl: row.actionUrl,
    icon: row.icon,
    actions: parseActions(row.actions),
    data: row.data ? (JSON.parse(row.data) as Record<string, unknown>) : null,
    channels: row.channels ? (JSON.parse(row.channels) as ChannelOverrides) : null,
  };
}

/** Actions as stored on a Send or Notification row: JSON, or null for none (most notifications). */
export function actionsColumn(actions: readonly NotificationAction[]): string | null {
  return actions.length > 0 ? JSON.stringify(actions) : null;
}

/** A stored actions column back as a list ([] for null). */
export function parseActions(column: string | null): NotificationAction[] {
  return column ? (JSON.parse(column) as NotificationAction[]) : [];
}

/** Title and body compiled once per send; a bad template is a 400 naming `title` or `body`. */
export interface CompiledSpec {
  title: NotificationTemplate;
  body: NotificationTemplate;
}

export function compileSpec(spec: SendSpec): CompiledSpec {
  return { title: compileTemplate(spec.title, 'title'), body: compileTemplate(spec.body, 'body') };
}

/**
 * A send's title and body for one recipient, as stored: rendered (each rendering bounded, see
 * server/templates/renderBudget.ts) and cut on grapheme clusters to the stored limits (a String.slice
 * could end inside an emoji: a lone surrogate on the socket).
 *
 * @throws HttpError 422 `template_output_too_large` naming `title` or `body` when a rendering exceeds its budget
 * @throws HttpError 422 `template_renders_empty` naming `title` when the title renders to nothing visible
 * @example
 * const { title, body } = renderForRecipient(compileSpec(spec), recipient, spec.data);
 */
export function renderForRecipient(templates: CompiledSpec, recipient: TemplateRecipient, data: Record<string, unknown> | null): { title: string; body: string } {
  const context = { recipient, data: data ?? {} };
  const title = truncateText(templates.title.render(context), LIMITS.titleMax);
  // A title is 1–200 characters wherever it comes from; `{{#if data.x}}…{{/if}}` can render none.
  if (!hasVisibleText(title)) throw titleRendersEmpty();
  return { title, body: truncateText(templates.body.render(context), LIMITS.bodyMax) };
}

const titleRendersEmpty = () =>
  new HttpError(422, 'template_renders_empty', 'The title template renders no text', [
    { path: 'title', message: 'Renders to an empty title for this recipient; a title needs at least one visible character' },
  ]);

/** The rendering failures that concern one recipient's fields or the data, not the template itself. */
const PER_RECIPIENT_CODES = new Set(['template_output_too_large', 'template_renders_empty']);

/**
 * Recipients rendered per turn of the event loop. A rendering near its budget costs milliseconds (64 KiB
 * from 1,000 `{{#each}}` items, then a 5,000-character non-ASCII cut: 3–8 ms per recipient measured on
 * the 2-core test machine under load), so FAN_OUT_SLICE's 500 could hold the loop for seconds; 50 keep a
 * turn under about 0.4 s. Ordinary templates render in microseconds: the extra turns cost nothing
 * measurable.
 */
export const RENDER_SLICE = 50;

/** A recipient left out of a send because their rendering exceeded its budget, and the 422 that says why. */
export interface SkippedRecipient {
  recipient: TemplateRecipient;
  error: HttpError;
}

/**
 * Every recipient's title and body (`renderForRecipient`), in recipients' order, RENDER_SLICE at a time
 * with the event loop free between slices. Call it outside any transaction (see server/services/slices.ts).
 *
 * A recipient whose own rendering exceeds its budget (their fields differ: a 251-character email shown
 * 263 times is 66,000 characters) is skipped, not cut, and not allowed to sink the others: such an
 * output is at least 13 times what a body keeps, so it is the template repeating that recipient's field
 * hundreds of times, and no prefix of it is a message anyone meant to send; the budget also stops the
 * rendering at the cap, so there is no text to cut. It is the same answer the sender gets (422) when the
 * first recipient renders too much at acceptance, now per recipient. The caller records who was skipped.
 *
 * @returns per recipient, in order, their texts or `{ skipped }`
 * @throws HttpError 400 `template_error` for the first rendering that fails otherwise
 * @example
 * const rendered = await renderSend(compileSpec(spec), recipients, spec.data);
 */
export function renderSend(
  templates: CompiledSpec,
  recipients: readonly TemplateRecipient[],
  data: Record<string, unknown> | null,
): Promise<({ title: string; body: string } | { skipped: SkippedRecipient })[]> {
  return mapInSlices(recipients, RENDER_SLICE, (recipient) => {
    try {
      return renderForRecipient(templates, recipient, data);
    } catch (err) {
      if (err instanceof HttpError && PER_RECIPIENT_CODES.has(err.code)) return { skipped: { recipient, error: err } };
      throw err;
    }
  });
}

/** Who a send is checked against when nobody is in its audience yet (a topic without subscribers). */
const NOBODY_YET: TemplateRecipient = { id: '', name: '', email: '', externalId: null, locale: 'en', timezone: 'UTC' };

/**
 * Renders a send for its first recipient (or, with none yet, an empty one), so a template whose output
 * exceeds its budget is refused when the send is accepted, before anyone is sent anything or a scheduled
 * send is stored. Every recipient's rendering is still bounded at delivery (their fields differ).
 *
 * @throws HttpError 422 `template_output_too_large` / 400 `template_error` naming the field
 */
export function checkRendering(templates: CompiledSpec, recipients: TemplateRecipient[], data: Record<string, unknown> | null): void {
  try {
    renderForRecipient(templates, recipients[0] ?? NOBODY_YET, data);
  } catch (err) {
    // Nobody in the audience yet: an empty stand-in's fields may well render an empty title.
    if (!recipients[0] && err instanceof HttpError && err.code === 'template_renders_empty') return;
    throw err;
  }
}
