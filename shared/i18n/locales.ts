/**
 * Languages: one message catalog per language in `shared/i18n/messages/<locale>.json` (flat keys, ICU
 * MessageFormat values: https://unicode-org.github.io/icu/userguide/format_parse/messages/), read by the
 * server (emails, SMS, push, server-rendered pages) and the web app alike. Adding a language is adding one
 * file: both sides discover the catalogs present, and `en` (the source, every key) fills any gap.
 */

/** The source language: its catalog has every key, and any locale without a catalog falls back to it. */
export const DEFAULT_LOCALE = 'en';

/**
 * A locale tag as people and services give it: a BCP 47 language with an optional region (`fr`, `fr-CA`,
 * `pt-BR`). Scripts and extensions are not accepted: no catalog is split that finely.
 */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The language subtag of a locale tag: `fr-CA` → `fr`. */
export function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

/**
 * The catalog to use for `locale` among `available` (catalog names such as `en`, `fr`, `pt-BR`): the exact
 * tag, else its language, else undefined.
 *
 * @example
 * catalogFor('fr-CA', ['en', 'fr']); // 'fr'
 * catalogFor('de', ['en', 'fr']);    // undefined
 */
export function catalogFor(locale: string, available: readonly string[]): string | undefined {
  const exact = available.find((name) => name.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const language = languageOf(locale);
  return available.find((name) => name.toLowerCase() === language);
}

/**
 * The first of `wanted` (a person's languages in order of preference: `navigator.languages`, the parsed
 * Accept-Language header) that has a catalog, as that person's tag (`fr-CA` keeps its region for dates and
 * numbers); DEFAULT_LOCALE when none does.
 *
 * @example
 * pickLocale(['de-DE', 'fr-CA', 'en'], ['en', 'fr']); // 'fr-CA'
 */
export function pickLocale(wanted: readonly string[], available: readonly string[]): string {
  for (const tag of wanted) {
    const normalized = normalizeLocale(tag);
    if (normalized && catalogFor(normalized, available)) return normalized;
  }
  return DEFAULT_LOCALE;
}

/**
 * `tag` in the form LOCALE_PATTERN describes (`FR-ca` → `fr-CA`, `en-US-u-ca-buddhist` → `en-US`), or
 * undefined when it has no usable language subtag (`*`, `i-klingon`).
 */
export function normalizeLocale(tag: string): string | undefined {
  const [language, region] = tag.trim().split(/[-_]/);
  const normalized = region && /^[a-z]{2}$/i.test(region) ? `${language!.toLowerCase()}-${region.toUpperCase()}` : language!.toLowerCase();
  if (LOCALE_PATTERN.test(normalized)) return normalized;
  return LOCALE_PATTERN.test(language!.toLowerCase()) ? language!.toLowerCase() : undefined;
}
