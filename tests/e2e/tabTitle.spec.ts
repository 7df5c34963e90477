import { expect, test, type Page } from '@playwright/test';
import { markAllRead } from './support/fixtures.js';
import { newInboxUser, postMany } from './support/inboxUser.js';

// Issue 11: the unread count in the tab's title and on its favicon, live, cleared at 0.

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare const document: { querySelector(selector: string): { href: string } | null };

/** The number drawn on the favicon's badge, or null when the favicon is the plain one. */
async function faviconCount(page: Page): Promise<string | null> {
  const href = await page.evaluate(() => document.querySelector('link[rel="icon"]')!.href);
  if (href.endsWith('/favicon.svg')) return null;
  expect(href).toMatch(/^data:image\/svg\+xml,/);
  return /data-count="([^"]+)"/.exec(decodeURIComponent(href))?.[1] ?? 'unreadable';
}

test('the tab title and favicon show the unread count live, and clear at 0', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  await expect(page).toHaveTitle('Inbox · FlashNotify');
  expect(await faviconCount(page)).toBeNull();

  await postMany(page, email, ['Build failed', 'Invoice paid', 'New comment']);
  await expect(page).toHaveTitle('(3) Inbox · FlashNotify');
  await expect.poll(() => faviconCount(page)).toBe('3');

  await page.getByTestId('notification-item').filter({ hasText: 'Invoice paid' }).getByRole('button', { name: 'Mark as read' }).click();
  await expect(page).toHaveTitle('(2) Inbox · FlashNotify');
  await expect.poll(() => faviconCount(page)).toBe('2');

  // Other pages keep the count, under their own name.
  await page.getByRole('link', { name: 'Preferences' }).click();
  await expect(page).toHaveTitle('(2) Preferences · FlashNotify');

  // Read elsewhere (another tab, the API): the socket brings the count, the title and favicon follow.
  await markAllRead(page);
  await expect(page).toHaveTitle('Preferences · FlashNotify');
  await expect.poll(() => faviconCount(page)).toBeNull();
  await page.context().close();
});
