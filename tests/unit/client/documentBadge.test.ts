/** The tab's title and favicon badge (client/src/app/documentBadge.ts). */
import { describe, expect, it } from 'vitest';
import { documentTitle, faviconFor, pageTitleFor, PLAIN_FAVICON } from '../../../client/src/app/documentBadge.js';

describe('documentTitle', () => {
  it('puts the unread count first, cleared at 0', () => {
    expect(documentTitle('Inbox', 3)).toBe('(3) Inbox · FlashNotify');
    expect(documentTitle('Inbox', 0)).toBe('Inbox · FlashNotify');
    expect(documentTitle('Inbox', 100)).toBe('(99+) Inbox · FlashNotify');
    expect(documentTitle(undefined, 2)).toBe('(2) FlashNotify');
    expect(documentTitle(undefined, 0)).toBe('FlashNotify');
  });
});

describe('pageTitleFor', () => {
  it('names the app pages by path', () => {
    expect(pageTitleFor('/')).toBe('app.nav.inbox');
    expect(pageTitleFor('/settings/preferences')).toBe('app.nav.preferences');
    expect(pageTitleFor('/admin/sends/abc')).toBe('admin.nav.title');
    expect(pageTitleFor('/administrator')).toBeUndefined();
    expect(pageTitleFor('/nowhere')).toBeUndefined();
  });
});

describe('faviconFor', () => {
  const svgOf = (url: string) => decodeURIComponent(url.replace('data:image/svg+xml,', ''));

  it('is the plain favicon with nothing unread', () => {
    expect(faviconFor(0)).toBe(PLAIN_FAVICON);
  });

  it('draws the count on a badge, 99+ above 99', () => {
    expect(faviconFor(7)).toMatch(/^data:image\/svg\+xml,/);
    expect(svgOf(faviconFor(7))).toContain('data-count="7">7</text>');
    expect(svgOf(faviconFor(42))).toContain('>42</text>');
    expect(svgOf(faviconFor(1234))).toContain('>99+</text>');
  });
});
