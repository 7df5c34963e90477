import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { postNotification } from './support/fixtures.js';
import { newInboxUser, patchNotification } from './support/inboxUser.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare const CSS: { highlights: Map<string, Iterable<{ toString(): string }>> };

// Issue 11: the inbox's views — search, the Snoozed tab, the Pinned filter — used as a person would.

const DAY = 86_400_000;

// Each test makes its own account through an admin's invitation (newInboxUser: two sign-ins) and walks
// through a dozen live round trips: on a loaded 2-core runner that can pass the default minute.
test.beforeEach(() => test.slow());

const rows = (page: Page) => page.getByTestId('notification-item');
const row = (page: Page, title: string) => rows(page).filter({ hasText: title });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search notifications' });
const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const query = (page: Page) => new URL(page.url()).searchParams;

/** The words the search marks in the list (the CSS Custom Highlight the inbox registers), in document order. */
const highlighted = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('inbox-search') ?? [])].map((range) => range.toString()));

test('search narrows the list to title and body matches, lives in the URL, and combines with the tab and the category', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const post = (title: string, extra: { body?: string; category?: string } = {}) => postNotification(page.request, { to: [{ email }], title, ...extra });
  await post('Deploy failed on production', { category: 'deploys' });
  const [succeeded] = await post('Deploy succeeded', { body: 'All checks passed.', category: 'deploys' });
  await post('Invoice paid', { body: 'The deployment budget was approved.', category: 'billing' });
  await post('Weekly digest', { body: 'Nothing to deploy this week.' });
  await post('Lunch menu');
  await expect(rows(page)).toHaveCount(5);

  // Title or body, any case, the last word as a prefix ("deploy" finds "deployment").
  await searchBox(page).fill('deploy');
  await expect(rows(page)).toHaveCount(4);
  await expect(row(page, 'Lunch menu')).toHaveCount(0);
  expect(query(page).get('q')).toBe('deploy');
  // The matched words are marked in the titles and bodies, the markup untouched.
  await expect.poll(() => highlighted(page)).toEqual(['deploy', 'deployment', 'Deploy', 'Deploy']);
  await expect(row(page, 'Deploy failed on production').locator('mark')).toHaveCount(0);

  // Two words: both must be there.
  await searchBox(page).fill('deploy fail');
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Deploy failed on production')).toBeVisible();

  // A reload keeps the search, in the box and the list.
  await page.reload();
  await expect(searchBox(page)).toHaveValue('deploy fail');
  await expect(rows(page)).toHaveCount(1);

  // With the Unread tab (one of them read) and a category.
  await searchBox(page).fill('deploy');
  await patchNotification(page, succeeded!, { read: true });
  await tab(page, 'Unread').click();
  await expect(rows(page)).toHaveCount(3);
  expect(Object.fromEntries(query(page))).toEqual({ status: 'unread', q: 'deploy' });
  await page.getByLabel('Category').selectOption('billing');
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Invoice paid')).toBeVisible();
  expect(Object.fromEntries(query(page))).toEqual({ status: 'unread', category: 'billing', q: 'deploy' });
  await page.context().close();
});

test('while searching, a live notification comes in only if it matches; no match offers Clear search; Escape ends a search', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const post = (title: string) => postNotification(page.request, { to: [{ email }], title });
  await post('Deploy failed on production');
  await post('Lunch menu');
  await expect(rows(page)).toHaveCount(2);
  await searchBox(page).fill('deploy');
  await expect(rows(page)).toHaveCount(1);

  // Live: one the search does not match stays out, one it matches comes in (the server decides).
  await post('Team offsite');
  const [rollback] = await post('Rollback of the deploy');
  await expect(row(page, 'Rollback of the deploy')).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'Team offsite')).toHaveCount(0);
  // Archived (in another tab, say): out of the search at once.
  await patchNotification(page, rollback!, { archived: true });
  await expect(rows(page)).toHaveCount(1);

  // Nothing matches: the empty state says what was searched and ends the search.
  await searchBox(page).fill('zeppelin');
  await expect(page.getByTestId('inbox-empty')).toContainText('No notifications match “zeppelin”');
  await page.getByTestId('inbox-empty').getByRole('button', { name: 'Clear search' }).click();
  await expect(searchBox(page)).toHaveValue('');
  expect(query(page).has('q')).toBe(false);
  await expect(rows(page)).toHaveCount(3); // the live non-match included
  await expect(row(page, 'Team offsite')).toBeVisible();

  // The box's own clear button, and Escape, end a search too.
  await searchBox(page).fill('lunch');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(searchBox(page)).toBeFocused();
  await searchBox(page).fill('lunch');
  await expect(rows(page)).toHaveCount(1);
  await searchBox(page).press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(rows(page)).toHaveCount(3);
  expect(query(page).has('q')).toBe(false);
  await page.context().close();
});

test('the Snoozed tab shows what is snoozed until it wakes; a search there moves to All', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser, { colorScheme: 'dark' });
  const [later] = await postNotification(page.request, { to: [{ email }], title: 'Renew the certificate' });
  await postNotification(page.request, { to: [{ email }], title: 'Read the changelog' });
  await expect(rows(page)).toHaveCount(2);

  await tab(page, 'Snoozed').click();
  await expect(page.getByTestId('inbox-empty')).toContainText('Nothing snoozed');
  expect(query(page).get('status')).toBe('snoozed');

  // Snoozed elsewhere (another tab, the API): it comes into this view live, in the section of its wake day.
  await patchNotification(page, later!, { snoozedUntil: new Date(Date.now() + 3 * DAY).toISOString() });
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('notification-group').getByRole('heading', { name: 'Back later' })).toBeVisible();
  await expect(row(page, 'Renew the certificate')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await tab(page, 'All').click();
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Renew the certificate')).toHaveCount(0);

  // The snoozed view is not searched: typing a search there searches the whole inbox, in All.
  await tab(page, 'Snoozed').click();
  await expect(rows(page)).toHaveCount(1);
  await searchBox(page).fill('changelog');
  await expect(tab(page, 'All')).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Read the changelog')).toBeVisible();
  expect(Object.fromEntries(query(page))).toEqual({ q: 'changelog' });
  // Going back to Snoozed ends the search.
  await tab(page, 'Snoozed').click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(row(page, 'Renew the certificate')).toBeVisible();
  expect(Object.fromEntries(query(page))).toEqual({ status: 'snoozed' });

  // Woken (early, through the API): out of Snoozed, back in All.
  await patchNotification(page, later!, { snoozedUntil: null });
  await expect(page.getByTestId('inbox-empty')).toContainText('Nothing snoozed');
  await tab(page, 'All').click();
  await expect(rows(page)).toHaveCount(2);
  await page.context().close();
});

test('the Pinned filter shows the pinned items of the current tab, following pins live', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser);
  const ids: string[] = [];
  for (const title of ['Budget draft', 'Offsite agenda', 'Parking rules']) ids.push(...(await postNotification(page.request, { to: [{ email }], title })));
  const [budget, agenda, parking] = ids;
  await patchNotification(page, agenda!, { pinned: true });
  await expect(rows(page)).toHaveCount(3);

  const pinned = page.getByRole('button', { name: 'Pinned', exact: true });
  await expect(pinned).toHaveAttribute('aria-pressed', 'false');
  await pinned.click();
  await expect(pinned).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Offsite agenda')).toBeVisible();
  expect(query(page).get('pinned')).toBe('true');

  // Pinned elsewhere: in, in the list's order; unpinned: out.
  await patchNotification(page, parking!, { pinned: true });
  await expect(rows(page)).toHaveText([/Parking rules/, /Offsite agenda/]);
  await patchNotification(page, agenda!, { pinned: false });
  await expect(rows(page)).toHaveText([/Parking rules/]);

  // With a tab: the Unread tab's pinned ones only; then none.
  await patchNotification(page, budget!, { pinned: true, read: true });
  await expect(rows(page)).toHaveCount(2);
  await tab(page, 'Unread').click();
  await expect(rows(page)).toHaveText([/Parking rules/]);
  await patchNotification(page, parking!, { read: true });
  await expect(page.getByTestId('inbox-empty')).toContainText('Nothing pinned here');

  // The filter survives a reload; off, everything again.
  await page.reload();
  await expect(pinned).toHaveAttribute('aria-pressed', 'true');
  await tab(page, 'All').click();
  await expect(rows(page)).toHaveCount(2);
  await pinned.click();
  await expect(rows(page)).toHaveCount(3);
  expect(query(page).has('pinned')).toBe(false);
  await page.context().close();
});
