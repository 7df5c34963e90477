import type { Request } from 'express';
import { pickLocale } from '../../shared/i18n/locales.js';
import { supportedLocales } from './catalogs.js';

/**
 * The language of a page the server renders for someone it does not know (an invalid link): the request's
 * first Accept-Language tag that has a catalog, else the source language.
 *
 * @example
 * translator(browserLocale(req)).t('unsubscribe.invalid.title');
 */
export function browserLocale(req: Request): string {
  return pickLocale(req.acceptsLanguages(), supportedLocales());
}
