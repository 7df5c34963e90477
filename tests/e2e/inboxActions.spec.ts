import { expect, test, type Page } from '@playwright/test';
import { newInboxUser, newInboxWith, postMany } from './support/inboxUser.js';
import { seriousViolations } from './support/axe.js';
import { postNotification, unreadBadge } from './support/fixtures.js';

// Issue 11: the inbox's actions on notifications as a person uses them — pin, delete and archive with Undo,
// "Mark all as read" with Undo, snooze (presets and a custom time), bulk selection (shift-click ranges,
// everything in the view) — each seen live in a second tab of the same user.

const rowsOf = (page: Page) => page.getByTestId('notification-item');
const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text });
const toolbar = (page: Page) => page.getByTestId('bulk-toolbar');

/** A second tab of the same user on the inbox, live. */
async function secondTab(page: Page): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  return other;
}

/** The unread badge, once it shows `count` (0: hidden). */
async function expectBadge(page: Page, count: number): Promise<void> {
  if (count === 0) await expect(page.getByTestId('unread-badge')).toHaveCount(0);
  else await expect(page.getByTestId('unread-badge')).toHaveText(String(count));
}

test('pin, delete and archive a notification; Undo brings it back where it was; a second tab follows live', async ({ browser }) => {
  // A new account, a second tab and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, run } = await newInboxWith(browser, ['Oldest', 'Middle', 'Newest']);
  const other = await secondTab(page);
  const row = (tab: Page, title: string) => rowsOf(tab).filter({ hasText: `${title} ${run}` });
  await expect(rowsOf(other)).toHaveCount(3);

  // Pin: a pressed toggle and a "Pinned" label, here and in the other tab.
  const pin = row(page, 'Middle').getByRole('button', { name: 'Pin', exact: true });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, 'Middle').getByTestId('pinned-chip')).toHaveText('Pinned');
  await expect(row(other, 'Middle').getByTestId('pinned-chip')).toHaveText('Pinned');
  await expect(row(other, 'Middle').getByRole('button', { name: 'Pin', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(row(page, 'Middle').getByTestId('pinned-chip')).toBeVisible();

  // Delete, then Undo: it comes back in its place, in both tabs, with the badge.
  await row(page, 'Middle').getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Middle')).toHaveCount(0);
  await expect(row(other, 'Middle')).toHaveCount(0);
  await expectBadge(page, 2);
  await expectBadge(other, 2);
  await toast(page, 'Notification deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, 'Undone.')).toBeVisible();
  await expect(rowsOf(page)).toHaveText([/Newest/, /Middle/, /Oldest/]);
  await expect(rowsOf(other)).toHaveText([/Newest/, /Middle/, /Oldest/]);
  await expectBadge(other, 3);
  await expect(row(page, 'Middle').getByTestId('pinned-chip')).toBeVisible();

  // Archive, then Undo.
  await row(page, 'Newest').getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(row(page, 'Newest')).toHaveCount(0);
  await expect(row(other, 'Newest')).toHaveCount(0);
  await toast(page, 'Notification archived').getByRole('button', { name: 'Undo' }).click();
  await expect(rowsOf(page)).toHaveText([/Newest/, /Middle/, /Oldest/]);
  await expect(rowsOf(other)).toHaveText([/Newest/, /Middle/, /Oldest/]);
  await expect(row(other, 'Newest')).toHaveAttribute('data-archived', 'false');

  // "Mark all as read", then Undo: unread again, the badge back at 3.
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expectBadge(page, 0);
  await expectBadge(other, 0);
  await toast(page, '3 notifications marked as read').getByRole('button', { name: 'Undo' }).click();
  await expectBadge(page, 3);
  await expectBadge(other, 3);
  for (const tab of [page, other]) {
    for (const title of ['Oldest', 'Middle', 'Newest']) await expect(row(tab, title)).toHaveAttribute('data-read', 'false');
  }
  await page.context().close();
});

test('snooze with a preset hides it from All and the badge in every tab; a custom time is checked first', async ({ browser }) => {
  // A new account, a second tab and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, run } = await newInboxWith(browser, ['Report', 'Deploy', 'Invoice'], { timezoneId: 'Europe/Paris' });
  const other = await secondTab(page);
  const row = (tab: Page, title: string) => rowsOf(tab).filter({ hasText: `${title} ${run}` });
  await expectBadge(page, 3);

  const snoozeButton = row(page, 'Deploy').getByRole('button', { name: 'Snooze' });
  await snoozeButton.click();
  const dialog = page.getByRole('dialog', { name: 'Snooze until…' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Deploy ${run}`);
  const sent = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().includes('/api/notifications/'));
  await dialog.getByRole('button', { name: /^Tomorrow/ }).click();
  // Sent with the user's offset (Paris: +01:00 or +02:00), at 9:00 on their clock.
  expect((await sent).postDataJSON()).toEqual({ snoozedUntil: expect.stringMatching(/T09:00:00\+0[12]:00$/) });
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Deploy')).toHaveCount(0);
  await expect(row(other, 'Deploy')).toHaveCount(0);
  await expectBadge(page, 2);
  await expectBadge(other, 2);
  await expect(toast(page, /^Snoozed until /)).toBeVisible();
  await expect(toast(page, /^Snoozed until /).getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // The server agrees after a reload: still out of All and of the counts.
  await page.reload();
  await expect(rowsOf(page)).toHaveCount(2);
  await expectBadge(page, 2);

  // A custom time: each mistake is said next to the field, and nothing is sent.
  await row(page, 'Invoice').getByRole('button', { name: 'Snooze' }).click();
  const field = dialog.getByLabel('Pick a date and time');
  const submit = dialog.getByRole('button', { name: 'Snooze', exact: true });
  await submit.click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a date and time.');
  await field.fill('2020-01-01T10:00');
  await submit.click();
  await expect(dialog.getByRole('alert')).toHaveText('Pick a time at least a minute from now.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Pick a time at least a minute from now.');
  await field.fill('2099-01-01T10:00');
  await submit.click();
  await expect(dialog.getByRole('alert')).toHaveText('Pick a time within a year from now.');
  // Cancel: nothing changed, the focus is back on the button that opened the menu.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Invoice').getByRole('button', { name: 'Snooze' })).toBeFocused();
  await expectBadge(page, 2);

  // A valid custom time (two days on, 10:30 on the user's clock) snoozes it.
  const inTwoDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + 2 * 86_400_000),
  );
  await row(page, 'Invoice').getByRole('button', { name: 'Snooze' }).click();
  const custom = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().includes('/api/notifications/'));
  await field.fill(`${inTwoDays}T10:30`);
  await submit.click();
  expect((await custom).postDataJSON()).toEqual({ snoozedUntil: expect.stringMatching(new RegExp(`^${inTwoDays}T10:30:00\\+0[12]:00$`)) });
  await expect(row(page, 'Invoice')).toHaveCount(0);
  await expectBadge(other, 1);
  await page.context().close();
});

test('in the Snoozed tab, a row says until when; Change moves its wake time, Wake now brings it back as new in every tab', async ({ browser }) => {
  // A new account, a second tab and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, run } = await newInboxWith(browser, ['Report', 'Deploy']);
  const other = await secondTab(page);
  const row = (tab: Page, title: string) => rowsOf(tab).filter({ hasText: `${title} ${run}` });
  const dialog = page.getByRole('dialog', { name: 'Snooze until…' });
  await row(page, 'Deploy').getByRole('button', { name: 'Snooze' }).click();
  await dialog.getByRole('button', { name: /^In 3 hours/ }).click();
  await expect(row(page, 'Deploy')).toHaveCount(0);
  await expectBadge(other, 1);

  await page.getByRole('tab', { name: /^Snoozed/ }).click();
  const state = row(page, 'Deploy').getByTestId('snoozed-state');
  await expect(state).toContainText('Snoozed until');
  const firstWake = await state.textContent();

  // Change: the snooze menu again, for this row; another preset moves the wake time, the row stays.
  await state.getByRole('button', { name: 'Change' }).click();
  await expect(dialog).toContainText(`Deploy ${run}`);
  const changed = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().includes('/api/notifications/'));
  await dialog.getByRole('button', { name: /^Next Monday/ }).click();
  expect((await changed).postDataJSON()).toEqual({ snoozedUntil: expect.stringMatching(/T09:00:00[+-]\d\d:\d\d$/) });
  await expect(dialog).toBeHidden();
  await expect(state).not.toHaveText(firstWake ?? '');
  await expect(rowsOf(page)).toHaveCount(1);
  await expectBadge(page, 1);

  // Wake now: out of Snoozed, back in All at the top and unread, in both tabs.
  await state.getByRole('button', { name: 'Wake now' }).click();
  await expect(page.getByTestId('inbox-empty')).toContainText('Nothing snoozed');
  await expectBadge(page, 2);
  await expectBadge(other, 2);
  await expect(rowsOf(other)).toHaveText([new RegExp(`Deploy ${run}`), new RegExp(`Report ${run}`)]);
  await page.getByRole('tab', { name: /^All/ }).click();
  await expect(rowsOf(page).first()).toContainText(`Deploy ${run}`);
  await page.context().close();
});

test('bulk: a shift-click range archived at once, then Undo; the selection follows live changes; Escape clears it', async ({ browser }) => {
  // A new account, a second tab and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, email, run } = await newInboxWith(browser, ['A', 'B', 'C', 'D', 'E'].map((name) => `Item ${name}`));
  const other = await secondTab(page);
  const checkbox = (name: string) => page.getByRole('checkbox', { name: `Select Item ${name} ${run}` });
  const row = (tab: Page, name: string) => rowsOf(tab).filter({ hasText: `Item ${name} ${run}` });
  await expect(toolbar(page)).toHaveCount(0);

  // Newest first: E D C B A. D, then Shift+B: D, C and B.
  await checkbox('D').check();
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('1 selected');
  await checkbox('B').click({ modifiers: ['Shift'] });
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('3 selected');
  for (const name of ['B', 'C', 'D']) await expect(checkbox(name)).toBeChecked();
  for (const name of ['A', 'E']) await expect(checkbox(name)).not.toBeChecked();
  await expect(toolbar(page).getByRole('checkbox', { name: 'Select all' })).toHaveJSProperty('indeterminate', true);

  await toolbar(page).getByRole('button', { name: 'Archive' }).click();
  await expect(toolbar(page)).toHaveCount(0);
  await expect(rowsOf(page)).toHaveText([/Item E/, /Item A/]);
  await expect(rowsOf(other)).toHaveText([/Item E/, /Item A/]);
  await expectBadge(other, 2);
  await toast(page, '3 notifications archived').getByRole('button', { name: 'Undo' }).click();
  await expect(rowsOf(page)).toHaveText([/Item E/, /Item D/, /Item C/, /Item B/, /Item A/]);
  await expect(rowsOf(other)).toHaveText([/Item E/, /Item D/, /Item C/, /Item B/, /Item A/]);
  await expectBadge(other, 5);

  // A live arrival keeps the selection (and comes in unselected); a selected row that leaves, leaves it.
  await checkbox('E').check();
  await checkbox('C').check();
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('2 selected');
  await postNotification(page.request, { to: [{ email }], title: `Item F ${run}` });
  await expect(rowsOf(page)).toHaveCount(6);
  await expect(checkbox('F')).not.toBeChecked();
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('2 selected');
  await row(other, 'C').getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(row(page, 'C')).toHaveCount(0);
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('1 selected');

  // Bulk Mark read / Pin on what is left selected.
  await toolbar(page).getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(row(page, 'E').getByTestId('pinned-chip')).toBeVisible();
  await expect(row(other, 'E').getByTestId('pinned-chip')).toBeVisible();

  await checkbox('A').check();
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toHaveCount(0);
  await expect(checkbox('A')).not.toBeChecked();
  await page.context().close();
});

test('select everything in the view, loaded or not, and mark it read; newer arrivals stay unread', async ({ browser }) => {
  // A new account, a second tab and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, email } = await newInboxUser(browser, { viewport: { width: 1280, height: 800 } });
  const other = await secondTab(page);
  const run = Date.now().toString(36);
  // More than a page (20), then a fresh load: the rest is not loaded until scrolled to.
  await postMany(page, email, Array.from({ length: 23 }, (_, i) => `Bulk ${i + 1} ${run}`));
  // Each is delivered after its 202: on a loaded runner the last may take a while.
  await expect(page.getByTestId('unread-badge')).toHaveText('23', { timeout: 60_000 });
  await page.reload();
  await expect(rowsOf(page)).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Load more' })).toBeVisible();

  await page.getByRole('checkbox', { name: `Select Bulk 23 ${run}` }).check();
  await toolbar(page).getByRole('checkbox', { name: 'Select all' }).check();
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('20 selected');
  await toolbar(page).getByRole('button', { name: 'Select everything in this view' }).click();
  await expect(toolbar(page).getByTestId('bulk-count')).toHaveText('Everything in this view is selected');

  const sent = page.waitForRequest('**/api/notifications/bulk');
  await toolbar(page).getByRole('button', { name: 'Mark read' }).click();
  const body = (await sent).postDataJSON() as { action: string; filter: unknown; upToSeq: number };
  expect(body).toEqual({ action: 'read', filter: { status: 'all' }, upToSeq: expect.any(Number) });
  await expectBadge(page, 0);
  await expectBadge(other, 0);
  await expect(toast(page, '23 notifications marked as read')).toBeVisible();

  // Arrived after the choice: not part of it.
  const [late] = await postNotification(page.request, { to: [{ email }], title: `Late ${run}` });
  await expect(page.locator(`[data-testid="notification-item"][data-id="${late}"]`)).toHaveAttribute('data-read', 'false');
  await expectBadge(page, 1);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rowsOf(page).filter({ hasText: `Bulk 1 ${run}` })).toHaveAttribute('data-read', 'true');
  await page.context().close();
});

test('unread count of the whole inbox and the badge agree after bulk delete and its Undo', async ({ browser }) => {
  // A new account and many steps: long on a loaded 2-core runner.
  test.slow();
  const { page, run } = await newInboxWith(browser, ['One', 'Two', 'Three']);
  await expectBadge(page, 3);
  await page.getByRole('checkbox', { name: `Select Three ${run}` }).check();
  await toolbar(page).getByRole('checkbox', { name: 'Select all' }).check();
  await toolbar(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('inbox-empty')).toBeVisible();
  await expectBadge(page, 0);
  await toast(page, '3 notifications deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(rowsOf(page)).toHaveCount(3);
  await expectBadge(page, 3);
  expect(await unreadBadge(page)).toBe(3);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the ${colorScheme} theme, the selection toolbar, a pinned row and the snooze menu have no serious accessibility violations`, async ({ browser }) => {
    // Four full axe scans after a new account: long on a loaded 2-core runner.
    test.slow();
    const { page, email } = await newInboxUser(browser, { colorScheme });
    const run = Date.now().toString(36);
    await postMany(page, email, ['Quarterly report', 'Deploy finished'].map((title) => `${title} ${run}`));
    await postNotification(page.request, { to: [{ email }], title: `Card declined ${run}`, body: 'We will retry tomorrow.', priority: 'high', category: 'billing' });
    await expect(rowsOf(page)).toHaveCount(3);
    const found: string[] = [];
    const scan = async (what: string) => found.push(...(await seriousViolations(page)).map((v) => `${what} ${v}`));

    await rowsOf(page).first().getByRole('button', { name: 'Pin', exact: true }).click();
    await page.getByRole('checkbox', { name: `Select Deploy finished ${run}` }).check();
    await expect(toolbar(page)).toBeVisible();
    await scan('toolbar');
    await page.getByRole('button', { name: 'Compact' }).click();
    await scan('toolbar (compact)');
    await page.getByRole('button', { name: 'Comfortable' }).click();

    await rowsOf(page).first().getByRole('button', { name: 'Snooze' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snooze until…' });
    await dialog.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await scan('snooze menu');
    await dialog.getByRole('button', { name: /^Tomorrow/ }).click();
    // Its toast, once fully shown.
    await expect(toast(page, /^Snoozed until /)).toHaveCSS('opacity', '1');
    await scan('snooze toast');
    expect(found).toEqual([]);
    await page.context().close();
  });
}

test('Undo says "Undone." without an Undo of its own, however soon the server answers', async ({ browser }) => {
  const { page, row } = await newInboxWith(browser, ['Kept', 'Gone']);
  // The answer comes when the clicked toast is on its way out (Sonner removes it ~200 ms after the click),
  // then after it: the first used to drop "Undone.", the second to show it with the old Undo button.
  for (const delayMs of [60, 300]) {
    await page.route('**/api/notifications/undo', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await route.fulfill({ response });
    });
    await row('Gone').getByRole('button', { name: 'Delete' }).click();
    await toast(page, 'Notification deleted').getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page, 'Undone.')).toBeVisible();
    await expect(toast(page, 'Undone.').getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await expect(row('Gone')).toHaveCount(1);
    // Wait for the handler still sleeping: one left running when the context closes fails the next test.
    await page.unrouteAll({ behavior: 'wait' });
  }
  await page.context().close();
});
