import { expect, test } from '@playwright/test';
import { newInboxUser, newInboxWith, postMany } from './support/inboxUser.js';
import { postNotification } from './support/fixtures.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare function getComputedStyle(element: unknown): { boxShadow: string };

// Issue 11: the inbox driven by the keyboard alone — no mouse click anywhere in this file.

test('j/k move between notifications, u and e change them, ? lists the shortcuts, Escape gives the focus back', async ({ browser }) => {
  const { page, run, row } = await newInboxWith(browser, ['Oldest', 'Middle', 'Newest']);

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
  // An archived row has no Snooze button: s does nothing there.
  const snoozeMenu = page.getByRole('dialog', { name: 'Snooze until…' });
  await page.keyboard.press('s');
  await expect(row('Middle')).toBeFocused();
  await expect(snoozeMenu).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(row('Middle')).toHaveCount(0);
  await expect(snoozeMenu).toHaveCount(0);
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

test('x selects the focused row and Escape clears the selection; s opens the snooze menu; Delete and # delete, with Undo by keyboard', async ({ browser }) => {
  // A new account and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, run, row } = await newInboxWith(browser, ['Oldest', 'Middle', 'Newest']);
  const checkbox = (title: string) => page.getByRole('checkbox', { name: `Select ${title} ${run}` });
  const count = page.getByTestId('bulk-count');
  const focusedText = async () => ((await page.locator(':focus').textContent()) ?? '').trim();

  // x checks and unchecks the focused row; the focus stays on it.
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(checkbox('Newest')).toBeChecked();
  await expect(row('Newest')).toBeFocused();
  await expect(count).toHaveText('1 selected');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(count).toHaveText('2 selected');
  await page.keyboard.press('x');
  await expect(checkbox('Middle')).not.toBeChecked();
  await expect(count).toHaveText('1 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-toolbar')).toHaveCount(0);
  await expect(checkbox('Newest')).not.toBeChecked();
  await expect(row('Middle')).toBeFocused();

  // s opens the snooze menu with the focus in it; Escape closes it and gives the focus back to the row.
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Snooze until…' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Middle ${run}`);
  expect(await focusedText()).toMatch(/^In 3 hours/);
  // Keys in the menu are the menu's: x selects nothing behind it.
  await page.keyboard.press('x');
  await expect(page.getByTestId('bulk-toolbar')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row('Middle')).toBeFocused();

  // s, Tab to "Tomorrow", Enter: snoozed; the row leaves and the focus goes to the next one.
  await page.keyboard.press('s');
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 3 && !(await focusedText()).startsWith('Tomorrow'); i++) await page.keyboard.press('Tab');
  expect(await focusedText()).toMatch(/^Tomorrow/);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row('Middle')).toHaveCount(0);
  await expect(row('Oldest')).toBeFocused();
  await expect(page.getByTestId('unread-badge')).toHaveText('2');

  // Delete deletes the focused row, the focus moves on; # does the same.
  await page.keyboard.press('Delete');
  await expect(row('Oldest')).toHaveCount(0);
  await expect(row('Newest')).toBeFocused();
  await page.keyboard.press('#');
  await expect(row('Newest')).toHaveCount(0);
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);

  // The toast's Undo, by keyboard: Alt+T reaches the toasts, Tab its button.
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Notification deleted' })).toBeVisible();
  await page.keyboard.press('Alt+T');
  for (let i = 0; i < 4 && (await focusedText()) !== 'Undo'; i++) await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('Undo');
  await page.keyboard.press('Enter');
  await expect(row('Newest')).toBeVisible();
  await expect(page.getByTestId('unread-badge')).toHaveText('1');

  // The help lists the new keys.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const text of ['Select or deselect the notification', 'Snooze the notification', 'Delete the notification, or the selected ones (you can undo)', 'Clear the selection']) {
    await expect(help).toContainText(text);
  }
  await page.keyboard.press('Escape');
  await page.context().close();
});

test('with rows selected, e archives and # deletes the selection (with Undo), not the focused row alone', async ({ browser }) => {
  test.slow();
  const { page, rows, row } = await newInboxWith(browser, ['One', 'Two', 'Three', 'Four', 'Five']);
  const count = page.getByTestId('bulk-count');
  const toast = (text: string) => page.locator('[data-sonner-toast]').filter({ hasText: text });
  const focusedText = async () => ((await page.locator(':focus').textContent()) ?? '').trim();

  // Newest first: Five, Four, Three, Two, One. Select Five and Three, then focus Two (not selected).
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await expect(row('Two')).toBeFocused();
  await expect(count).toHaveText('2 selected');

  // e archives the two selected rows, as the toolbar's Archive does; the focused one stays.
  await page.keyboard.press('e');
  await expect(row('Five')).toHaveCount(0);
  await expect(row('Three')).toHaveCount(0);
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('bulk-toolbar')).toHaveCount(0);
  await expect(toast('2 notifications archived')).toBeVisible();
  await expect(row('Four')).toBeFocused();

  // # deletes the selection (Four and Two) with the focus on One; Undo brings both back.
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await expect(row('One')).toBeFocused();
  await expect(count).toHaveText('2 selected');
  await page.keyboard.press('#');
  await expect(row('Four')).toHaveCount(0);
  await expect(row('Two')).toHaveCount(0);
  await expect(row('One')).toBeVisible();
  await expect(toast('2 notifications deleted')).toBeVisible();
  await page.keyboard.press('Alt+T');
  for (let i = 0; i < 4 && (await focusedText()) !== 'Undo'; i++) await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('Undo');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(3);

  // In the Archived tab, e on a selection unarchives it (the toolbar's Unarchive).
  await page.getByRole('tab', { name: 'All' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Archived' })).toHaveAttribute('aria-selected', 'true');
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(count).toHaveText('2 selected');
  await page.keyboard.press('e');
  await expect(rows).toHaveCount(0);
  await page.context().close();
});
