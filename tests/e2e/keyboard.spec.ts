import { expect, test } from '@playwright/test';
import { newInboxUser, postMany } from './support/inboxUser.js';
import { postNotification } from './support/fixtures.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare function getComputedStyle(element: unknown): { boxShadow: string };

// Issue 11: the inbox driven by the keyboard alone — no mouse click anywhere in this file.

test('j/k move between notifications, u and e change them, ? lists the shortcuts, Escape gives the focus back', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const run = Date.now().toString(36);
  await postMany(page, email, ['Oldest', 'Middle', 'Newest'].map((title) => `${title} ${run}`));
  const rows = page.getByTestId('notification-item');
  await expect(rows).toHaveCount(3);
  const row = (title: string) => rows.filter({ hasText: `${title} ${run}` });

  await page.keyboard.press('j');
  // The focused row is named by its title (what a screen reader says on focus).
  await expect(row('Newest')).toBeFocused();
  await expect(page.locator(':focus')).toHaveAccessibleName(`Unread: Newest ${run}`);
  await page.keyboard.press('j');
  await expect(row('Middle')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j'); // the last row stays focused
  await expect(row('Oldest')).toBeFocused();
  await page.keyboard.press('k');
  await expect(row('Middle')).toBeFocused();
  // The focus ring is drawn (the row's :focus-visible outline).
  expect(await row('Middle').evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe('none');

  await page.keyboard.press('u');
  await expect(row('Middle')).toHaveAttribute('data-read', 'true');
  await expect(page).toHaveTitle('(2) Inbox · FlashNotify');
  await page.keyboard.press('u');
  await expect(row('Middle')).toHaveAttribute('data-read', 'false');

  // Archiving takes the row out of "All": the focus moves on to the next one rather than being lost.
  await page.keyboard.press('e');
  await expect(row('Middle')).toHaveCount(0);
  await expect(row('Oldest')).toBeFocused();

  // Modified keys and Shift+letter are not shortcuts.
  await page.keyboard.press('Shift+K');
  await page.keyboard.press('Control+k');
  await expect(row('Oldest')).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const text of ['Next notification', 'Previous notification', 'Open the notification', 'Archive or unarchive', 'Mark as read or unread', 'Search notifications', 'Show keyboard shortcuts']) {
    await expect(dialog).toContainText(text);
  }
  // Keys inside the dialog are the dialog's.
  await page.keyboard.press('j');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row('Oldest')).toBeFocused();

  // In the Archived tab (reached by keyboard: Tab to the tabs, arrows, End), e brings an item back.
  await page.getByRole('tab', { name: 'All' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Unread/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Archived' })).toHaveAttribute('aria-selected', 'true');
  await expect(row('Middle')).toBeVisible();
  await page.keyboard.press('j');
  await expect(row('Middle')).toBeFocused();
  await page.keyboard.press('e');
  await expect(row('Middle')).toHaveCount(0);
  await page.context().close();
});

test('Enter and o open the focused notification: marked read, its link followed; typing in a field is not a shortcut', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const run = Date.now().toString(36);
  await postNotification(page.request, { to: [{ email }], title: `Device check ${run}`, actionUrl: '/settings/devices' });
  await postNotification(page.request, { to: [{ email }], title: `Account check ${run}`, actionUrl: '/settings/account' });
  const rows = page.getByTestId('notification-item');
  await expect(rows).toHaveCount(2);

  // A key typed into the category filter stays there.
  await page.getByLabel('Category').focus();
  await page.keyboard.press('j');
  await expect(page.getByLabel('Category')).toBeFocused();

  await page.keyboard.press('Escape');
  await page.locator('main').focus();
  await page.keyboard.press('j');
  await expect(rows.filter({ hasText: `Account check ${run}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/account$/);
  await page.goBack();
  await expect(rows.filter({ hasText: `Account check ${run}` })).toHaveAttribute('data-read', 'true');

  await page.locator('main').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.filter({ hasText: `Device check ${run}` })).toBeFocused();
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/settings\/devices$/);
  await page.goBack();
  await expect(rows.filter({ hasText: `Device check ${run}` })).toHaveAttribute('data-read', 'true');
  await expect(page).toHaveTitle('Inbox · FlashNotify');
  await page.context().close();
});

test('/ goes to the search box; typing searches, Escape clears then gives the keys back to the list', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const run = Date.now().toString(36);
  await postMany(page, email, [`Invoice ${run} paid`, `Deploy ${run} failed`, `Deploy ${run} succeeded`]);
  const rows = page.getByTestId('notification-item');
  await expect(rows).toHaveCount(3);
  const search = page.getByRole('searchbox', { name: 'Search notifications' });

  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(''); // the key itself is not typed in
  // Shortcut keys typed in the box are text.
  await page.keyboard.type('deploy j');
  await expect(search).toHaveValue('deploy j');
  await expect(search).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(rows).toHaveCount(2);
  expect(new URL(page.url()).searchParams.get('q')).toBe('deploy');

  // Escape clears the search (the whole list is back) and keeps the focus in the box for another.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(3);
  expect(new URL(page.url()).searchParams.has('q')).toBe(false);
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape'); // an empty box gives the focus back to the page
  await expect(search).not.toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.filter({ hasText: `Deploy ${run} succeeded` })).toBeFocused();

  // From a row, / goes back to the box; Enter applies a search without waiting.
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('invoice');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  // Tab leaves the box (to its clear button) with the search on; j then walks the results.
  await page.keyboard.press('Tab');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.filter({ hasText: `Invoice ${run} paid` })).toBeFocused();
  await page.context().close();
});
