import { readdirSync, readFileSync } from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type source from '../../shared/i18n/messages/en.json';
import { catalogFor, DEFAULT_LOCALE, LOCALE_PATTERN, pickLocale } from '../../shared/i18n/locales.js';
import { packagePath } from '../packageRoot.js';

/** A key of the source catalog (`shared/i18n/messages/en.json`): a typo is a type error. */
export type MessageId = keyof typeof source;

/** Values for a message's ICU arguments (`{category}`, `{count, plural, …}`). */
export type MessageValues = Record<string, string | number | Date>;

/**
 * What the server says in one locale: `t(id, values)` formats the catalog's ICU message (the source
 * language's when this catalog lacks it), `date(…)` formats a date the same way the messages would.
 */
export interface Translator {
  /** The locale formatting uses (`fr-CA`), which may be more precise than the catalog (`fr`). */
  locale: string;
  t(id: MessageId, values?: MessageValues): string;
  date(value: Date, options: Intl.DateTimeFormatOptions): string;
}

const MESSAGES_DIR = packagePath('shared', 'i18n', 'messages');
const CATALOG_FILE = /^([a-z]{2,3}(?:-[A-Z]{2})?)\.json$/;

let catalogs: Map<string, Record<string, string>> | undefined;

/** Every catalog in shared/i18n/messages, read once per process (start-up calls it, so a broken file fails early). */
export function loadCatalogs(): Map<string, Record<string, string>> {
  if (catalogs) return catalogs;
  const found = new Map<string, Record<string, string>>();
  for (const file of readdirSync(MESSAGES_DIR).sort()) {
    const name = CATALOG_FILE.exec(file)?.[1];
    if (name) found.set(name, JSON.parse(readFileSync(`${MESSAGES_DIR}/${file}`, 'utf8')) as Record<string, string>);
  }
  if (!found.has(DEFAULT_LOCALE)) throw new Error(`No ${DEFAULT_LOCALE}.json in ${MESSAGES_DIR}: it is the source catalog`);
  return (catalogs = found);
}

/** The languages there is a catalog for (`['en', 'fr']`): what people may choose and services may set. */
export function supportedLocales(): string[] {
  return [...loadCatalogs().keys()];
}

/**
 * The locale messages to one person are written in: their own tag when a catalog serves it (`fr-CA` → the
 * `fr` catalog, Canadian dates), else `fallback` when served (the install's DEFAULT_LOCALE), else the
 * source language. A tag from any source (a column, a header) goes through here before it reaches Intl.
 *
 * @example
 * messageLocale('fr-CA'); // 'fr-CA'
 * messageLocale('de');    // 'en'
 */
export function messageLocale(locale: string | null | undefined, fallback: string = DEFAULT_LOCALE): string {
  const available = supportedLocales();
  return pickLocale([locale ?? '', fallback].filter((tag) => LOCALE_PATTERN.test(tag)), available);
}

const cache = createIntlCache();
const translators = new Map<string, Translator>();

/**
 * The translator for `locale` (any tag: resolved by messageLocale), in `timeZone` for dates (UTC when
 * absent or unknown). Cached per locale and zone; formatters are memoized by @formatjs/intl.
 *
 * @example
 * translator('fr', 'Europe/Paris').t('digest.summary', { count: 3 }); // '3 notifications non lues'
 */
export function translator(locale: string | null | undefined, timeZone = 'UTC'): Translator {
  const tag = messageLocale(locale);
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const key = `${tag} ${zone}`;
  let found = translators.get(key);
  if (!found) {
    const all = loadCatalogs();
    const own = all.get(catalogFor(tag, [...all.keys()]) ?? DEFAULT_LOCALE)!;
    const intl: IntlShape<string> = createIntl(
      {
        locale: tag,
        timeZone: zone,
        defaultLocale: DEFAULT_LOCALE,
        // The source language fills a key this catalog lacks (a test keeps the catalogs in step).
        messages: { ...all.get(DEFAULT_LOCALE), ...own },
        onError: (err) => {
          throw err;
        },
      },
      cache,
    );
    found = {
      locale: tag,
      t: (id, values) => intl.formatMessage({ id }, values),
      date: (value, options) => intl.formatDate(value, options),
    };
    translators.set(key, found);
  }
  return found;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
