import { pickLocale } from '../../../shared/i18n/locales.js';
import type { Db } from '../../db/client.js';
import { supportedLocales } from '../../i18n/catalogs.js';

/**
 * Until a person chooses a language (settings) or a service sets one (v1 users API), what is sent to them
 * (emails, SMS, push) follows the browser they use the app with: its first Accept-Language tag that has a
 * catalog (`fr-CA` kept as is, for Canadian dates), else the source language. Called on sign-in and on
 * every app start (`GET /api/auth/session`); writes only when the language changed.
 *
 * @param browserLocales the request's languages in order of preference (`req.acceptsLanguages()`); none
 *   (no Accept-Language header: a script, not a browser) changes nothing.
 * @example
 * await followBrowserLocale(ctx.db, user.id, req.acceptsLanguages());
 */
export async function followBrowserLocale(db: Db, userId: string, browserLocales: readonly string[]): Promise<void> {
  const wanted = browserLocales.filter((tag) => tag !== '*');
  if (wanted.length === 0) return;
  const locale = pickLocale(wanted, supportedLocales());
  await db.user.updateMany({ where: { id: userId, localeChosen: false, NOT: { locale } }, data: { locale } });
}
