import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { translator, type MessageId } from '../../i18n/catalogs.js';
import { packagePath } from '../../packageRoot.js';
import type { EmailActionLink } from '../richLinks.js';

/**
 * What every email template may use. Values are plain text; the HTML engine escapes them. Fixed words come
 * from the message catalogs through the `t` helper, in the view's `lang`:
 * `{{t "email.footer.because" category=categoryLabel app=appName}}` (see registerTranslationHelper).
 */
export interface EmailView {
  /** The recipient's message locale (`fr-CA`): the `t` helper's language and `<html lang>`. */
  lang: string;
  appName: string;
  title: string;
  body: string;
  /** The body split into paragraphs (blank lines) of lines, so HTML can keep the author's line breaks. */
  paragraphs: string[][];
  critical: boolean;
  priority: string;
  category: string;
  categoryLabel: string;
  /** A critical category: people cannot unsubscribe from it, so the footer links to the settings instead. */
  categoryLocked: boolean;
  /** When the notification was created, formatted in the recipient's locale and time zone. */
  when: string;
  recipientName: string;
  actionUrl: string | null;
  /** Absolute icon URL shown beside the title, or null. */
  icon: string | null;
  /** The action buttons (issue 11), see server/channels/richLinks.ts emailActionLinks. */
  actions: EmailActionLink[];
  inboxUrl: string;
  preferencesUrl: string;
  /** The signed one-click unsubscribe link; null for a locked (critical) category. */
  unsubscribeUrl: string | null;
}

/** What the digest templates (`digest.*.hbs`) use. Values are plain text; the HTML engine escapes them. */
export interface DigestView {
  appName: string;
  lang: string;
  /** "Your daily digest". */
  title: string;
  /** "3 unread notifications". */
  summary: string;
  /** `hourly` / `daily`, for the footer. */
  period: string;
  recipientName: string;
  groups: {
    label: string;
    /** The category's signed unsubscribe page; null for a locked (critical) category. */
    unsubscribeUrl: string | null;
    items: { title: string; excerpt: string; url: string; when: string }[];
  }[];
  inboxUrl: string;
  preferencesUrl: string;
}

/** What the account templates (`account.*.hbs`: invitation, password reset) use. Plain text; HTML escapes it. */
export interface AccountView {
  appName: string;
  lang: string;
  title: string;
  paragraphs: string[];
  buttonLabel: string;
  url: string;
  expiry: string;
  footer: string;
}

type Format = 'html' | 'txt';
type Render<View = EmailView> = (view: View) => string;

interface TemplateSet {
  defaults: Record<Format, Render>;
  byCategory: Map<string, Partial<Record<Format, Render>>>;
  digest: Record<Format, Render<DigestView>>;
  account: Record<Format, Render<AccountView>>;
}

/** Template names that are not categories. */
const RESERVED = new Set(['layout', 'default', 'digest', 'account']);

const TEMPLATE_DIR = `${packagePath('server', 'channels', 'email', 'templates')}/`;
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

/**
 * Renders a digest's HTML and text bodies with `digest.html.hbs` / `digest.txt.hbs`.
 *
 * @example
 * const { html, text } = renderDigestBodies(view);
 */
export function renderDigestBodies(view: DigestView): { html: string; text: string } {
  const { digest } = loadEmailTemplates();
  return { html: digest.html(view), text: digest.txt(view).replace(/\n{3,}/g, '\n\n').trim() + '\n' };
}

/**
 * Renders an account email's HTML and text bodies with `account.html.hbs` / `account.txt.hbs`.
 *
 * @example
 * const { html, text } = renderAccountBodies(view);
 */
export function renderAccountBodies(view: AccountView): { html: string; text: string } {
  const { account } = loadEmailTemplates();
  return { html: account.html(view), text: account.txt(view).replace(/\n{3,}/g, '\n\n').trim() + '\n' };
}

/** Reads and checks the templates once; the email channel calls it at creation so errors surface at start-up. */
export function loadEmailTemplates(): TemplateSet {
  return (loaded ??= loadTemplates(TEMPLATE_DIR));
}

function loadTemplates(dir: string): TemplateSet {
  // One engine per format: the layout partial differs, and text must not be HTML-escaped.
  const engines: Record<Format, typeof Handlebars> = { html: Handlebars.create(), txt: Handlebars.create() };
  const compile = <View = EmailView>(format: Format, source: string) => {
    // Handlebars compiles lazily: parse now, so a broken template fails at start-up, not on every send.
    engines[format].parse(source);
    return engines[format].compile<View>(source, { noEscape: format === 'txt' });
  };
  const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

  for (const format of ['html', 'txt'] as const) {
    registerTranslationHelper(engines[format]);
    // Registered compiled, so the partial keeps its engine's escaping whatever the caller's options.
    engines[format].registerPartial('layout', compile(format, read(`layout.${format}.hbs`)));
  }
  const defaults = { html: compile('html', read('default.html.hbs')), txt: compile('txt', read('default.txt.hbs')) };
  const digest = {
    html: compile<DigestView>('html', read('digest.html.hbs')),
    txt: compile<DigestView>('txt', read('digest.txt.hbs')),
  };
  const account = {
    html: compile<AccountView>('html', read('account.html.hbs')),
    txt: compile<AccountView>('txt', read('account.txt.hbs')),
  };
  const byCategory = new Map<string, Partial<Record<Format, Render>>>();
  for (const file of readdirSync(dir)) {
    const match = FILE_NAME.exec(file);
    if (!match || RESERVED.has(match[1]!)) continue;
    const [, category, format] = match as unknown as [string, string, Format];
    byCategory.set(category, { ...byCategory.get(category), [format]: compile(format, read(file)) });
  }
  return { defaults, byCategory, digest, account };
}

/**
 * `{{t "<message id>" name=value …}}`: the catalog message in the rendered view's `lang` (its root `lang`
 * field), its ICU arguments from the hash. The HTML engine escapes the result like any other value (a
 * category label in an argument is someone's text); `(t …)` works as a subexpression too.
 */
function registerTranslationHelper(engine: typeof Handlebars): void {
  engine.registerHelper('t', function (id: unknown, options: Handlebars.HelperOptions) {
    const root = (options.data as { root?: { lang?: string } } | undefined)?.root;
    return translator(root?.lang).t(id as MessageId, options.hash as Record<string, string | number>);
  });
}
