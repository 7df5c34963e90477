/// <reference types="vite/client" />
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalogFor, DEFAULT_LOCALE, pickLocale } from '@shared/i18n/locales';
import type source from '../../../shared/i18n/messages/en.json';

/** The element's own messages: the `embed.*` keys of the catalogs (the app's and the server's stay out of its bundle). */
export type EmbedMessageId = Extract<keyof typeof source, `embed.${string}`>;

type Catalog = Partial<Record<EmbedMessageId, string>>;

// Every catalog's `embed.*` messages, bundled: the build keeps only those keys and compiles them ahead
// (scripts/i18nBuild.mjs), so the element ships neither the other messages nor the ICU parser.
const modules = import.meta.glob<Catalog>('../../../shared/i18n/messages/*.json', { import: 'default', eager: true, query: { keys: 'embed.' } });
const catalogs = new Map(Object.entries(modules).map(([path, messages]) => [/([^/]+)\.json$/.exec(path)![1]!, messages]));
const available = [...catalogs.keys()];

/** Formats the element's messages in one language. */
export interface EmbedTranslator {
  /** The language it speaks (`fr-CA`): the element's `lang`. */
  locale: string;
  t(id: EmbedMessageId, values?: Record<string, PrimitiveType>): string;
}

/**
 * The translator for the first of `wanted` with a catalog (the element's `locale` attribute, else the
 * browser's languages), English when none has one; a key a catalog lacks reads in English.
 *
 * @example
 * embedTranslator(['fr-FR']).t('embed.unreadAnnouncement', { count: 2 }); // '2 notifications non lues'
 */
export function embedTranslator(wanted: readonly string[]): EmbedTranslator {
  const locale = pickLocale(wanted, available);
  const own = catalogs.get(catalogFor(locale, available) ?? DEFAULT_LOCALE) ?? {};
  const fallback = catalogs.get(DEFAULT_LOCALE) ?? {};
  const formats = new Map<EmbedMessageId, IntlMessageFormat>();
  return {
    locale,
    t(id, values) {
      let format = formats.get(id);
      if (!format) {
        const message = own[id] ?? fallback[id];
        if (message === undefined) return id;
        format = new IntlMessageFormat(message, locale);
        formats.set(id, format);
      }
      return String(format.format(values));
    },
  };
}
