import { catalogFor, DEFAULT_LOCALE, pickLocale } from '@shared/i18n/locales';
import source from '../../../shared/i18n/messages/en.json';

/** A complete catalog: every message id of the source → its ICU MessageFormat string. */
export type Messages = typeof source;

// Every other catalog in shared/i18n/messages, each its own chunk, fetched only by people who read it:
// adding a language is adding its file there (the server reads the same folder).
const loaders = import.meta.glob<Partial<Messages>>(['../../../shared/i18n/messages/*.json', '!**/en.json'], { import: 'default' });
const catalogLoaders = new Map(Object.entries(loaders).map(([path, load]) => [/([^/]+)\.json$/.exec(path)![1]!, load]));

/** The languages the app can be read in: the source (`en`) and every catalog found at build time. */
export const AVAILABLE_LOCALES: readonly string[] = [DEFAULT_LOCALE, ...[...catalogLoaders.keys()].sort()];

/**
 * The browser's language for the app: the first of `navigator.languages` with a catalog, as the browser
 * names it (`fr-CA` keeps Canadian dates), else English.
 */
export function browserLocale(): string {
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language], AVAILABLE_LOCALES);
}

/**
 * The messages for `locale`: its catalog over the source, so a key a translation lacks still reads (in
 * English) rather than as its id. The source is part of the main bundle; others load on demand.
 *
 * @example
 * const messages = await loadMessages('fr-CA'); // the fr catalog
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const name = catalogFor(locale, AVAILABLE_LOCALES);
  const load = name ? catalogLoaders.get(name) : undefined;
  return load ? { ...source, ...(await load()) } : source;
}

/** The source catalog, ready without a request: the first paint of an English reader needs no wait. */
export const SOURCE_MESSAGES: Messages = source;
