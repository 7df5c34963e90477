/** The favicon as served (client/public/favicon.svg), shown when nothing is unread. */
import type { MessageId } from '../i18n/messageIds';
export const PLAIN_FAVICON = '/favicon.svg';

/** The count as badges show it: exact up to 99, then `99+`. */
const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/** The page names shown in the tab title (message ids), by the app's routes (longest prefix first). */
const PAGE_TITLES: Array<[prefix: string, title: MessageId]> = [
  ['/settings/preferences', 'app.nav.preferences'],
  ['/settings/devices', 'app.nav.devices'],
  ['/settings/account', 'app.nav.account'],
  ['/admin', 'admin.nav.title'],
];

/**
 * The name of the page at `pathname` for the tab title, as a message id: `app.nav.inbox` at `/`, undefined for
 * a path with no page.
 *
 * @example
 * pageTitleFor('/settings/devices') // 'app.nav.devices'
 */
export function pageTitleFor(pathname: string): MessageId | undefined {
  if (pathname === '/') return 'app.nav.inbox';
  return PAGE_TITLES.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
}

/**
 * The tab title: the unread count first (so it shows in a narrow tab), then the page, then the product.
 *
 * @example
 * documentTitle('Inbox', 3) // '(3) Inbox · FlashNotify'
 * documentTitle(undefined, 0) // 'FlashNotify'
 */
export function documentTitle(page: string | undefined, unread: number): string {
  const base = page ? `${page} · FlashNotify` : 'FlashNotify';
  return unread > 0 ? `(${badgeText(unread)}) ${base}` : base;
}

/**
 * The favicon with the unread count on a red badge, as an SVG `data:` URL (the Content-Security-Policy's
 * `img-src` allows `data:`); the plain favicon's path at 0. Drawn in a 32-unit box: the FlashNotify mark
 * on the left, the badge over its top-right corner, wide enough for `99+`.
 *
 * @example
 * link.href = faviconFor(3);
 */
export function faviconFor(unread: number): string {
  if (unread <= 0) return PLAIN_FAVICON;
  const text = badgeText(unread);
  const width = text.length === 1 ? 18 : text.length === 2 ? 22 : 28;
  const x = 32 - width;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect y="4" width="28" height="28" rx="8" fill="#5b5bd6"/>` +
    `<path d="M15.4 9.3 8.8 19.4h4.8l-1.2 7.4 6.9-10.4h-4.9l1-7.1Z" fill="#fff"/>` +
    `<rect x="${x}" width="${width}" height="18" rx="9" fill="#dc2f2f" stroke="#fff" stroke-width="1.5"/>` +
    `<text x="${x + width / 2}" y="13.5" font-family="Arial,Helvetica,sans-serif" font-size="${text.length > 2 ? 11 : 13}" font-weight="700" fill="#fff" text-anchor="middle" data-count="${text}">${text}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
