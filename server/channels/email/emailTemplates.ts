import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** What every email template may use. Values are plain text; the HTML engine escapes them. */
export interface EmailView {
  appName: string;
  lang: string;
  title: string;
  body: string;
  /** The body split into paragraphs (blank lines) of lines, so HTML can keep the author's line breaks. */
  paragraphs: string[][];
  critical: boolean;
  priority: string;
  category: string;
  categoryLabel: string;
  /** When the notification was created, formatted in the recipient's locale and time zone. */
  when: string;
  recipientName: string;
  actionUrl: string | null;
  inboxUrl: string;
  unsubscribeUrl: string;
}

type Format = 'html' | 'txt';
type Render = (view: EmailView) => string;

interface TemplateSet {
  defaults: Record<Format, Render>;
  byCategory: Map<string, Partial<Record<Format, Render>>>;
}

const TEMPLATE_DIR = fileURLToPath(new URL('./templates/', import.meta.url));
const FILE_NAME = /^([a-z0-9][a-z0-9_-]*)\.(html|txt)\.hbs$/;

let loaded: TemplateSet | undefined;

/**
 * Renders the HTML and text bodies with the category's templates (`<category>.html.hbs` / `.txt.hbs`),
 * falling back per format to `default.*`. Templates are read and compiled once per process.
 *
 * @example
 * const { html, text } = renderEmailBodies(view);
 */
export function renderEmailBodies(view: EmailView): { html: string; text: string } {
  const set = loadEmailTemplates();
  const own = set.byCategory.get(view.category);
  return {
    html: (own?.html ?? set.defaults.html)(view),
    text: (own?.txt ?? set.defaults.txt)(view).replace(/\n{3,}/g, '\n\n').trim() + '\n',
  };
}

/** Reads and checks the templates once; the email channel calls it at creation so errors surface at start-up. */
export function loadEmailTemplates(): TemplateSet {
  return (loaded ??= loadTemplates(TEMPLATE_DIR));
}

function loadTemplates(dir: string): TemplateSet {
  // One engine per format: the layout partial differs, and text must not be HTML-escaped.
  const engines: Record<Format, typeof Handlebars> = { html: Handlebars.create(), txt: Handlebars.create() };
  const compile = (format: Format, source: string) => {
    // Handlebars compiles lazily: parse now, so a broken template fails at start-up, not on every send.
    engines[format].parse(source);
    return engines[format].compile<EmailView>(source, { noEscape: format === 'txt' });
  };
  const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

  for (const format of ['html', 'txt'] as const) {
    // Registered compiled, so the partial keeps its engine's escaping whatever the caller's options.
    engines[format].registerPartial('layout', compile(format, read(`layout.${format}.hbs`)));
  }
  const defaults = { html: compile('html', read('default.html.hbs')), txt: compile('txt', read('default.txt.hbs')) };
  const byCategory = new Map<string, Partial<Record<Format, Render>>>();
  for (const file of readdirSync(dir)) {
    const match = FILE_NAME.exec(file);
    if (!match || match[1] === 'layout' || match[1] === 'default') continue;
    const [, category, format] = match as unknown as [string, string, Format];
    byCategory.set(category, { ...byCategory.get(category), [format]: compile(format, read(file)) });
  }
  return { defaults, byCategory };
}
