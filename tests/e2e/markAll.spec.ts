import { expect, test, type Page, type Request } from '@playwright/test';
import { postNotification, signIn, unreadBadge } from './support/fixtures.js';

// Issue 8 item 13 ("mark all" marks what the user saw) and the category-filter bullet of item 14.

const item = (page: Page, id: string) => page.locator(`[data-testid="notification-item"][data-id="${id}"]`);
const markAllButton = (page: Page) => page.getByRole('button', { name: 'Mark all as read' });
const unreadTabCount = (page: Page) => page.getByRole('tab', { name: /Unread/ }).locator('.tabs__count');

/** Starts from an inbox with nothing unread, whatever earlier specs left for this user. */
async function clearInbox(page: Page): Promise<void> {
  if (await markAllButton(page).isEnabled()) await markAllButton(page).click();
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);
}

/** The highest seq of the user's notifications, as the server lists them (what the inbox shows). */
async function newestSeq(page: Page): Promise<number> {
  const { items } = (await (await page.request.get('/api/notifications?limit=100')).json()) as { items: { seq: number }[] };
  return Math.max(...items.map((n) => n.seq));
}

test('under a category filter, "Mark all as read" leaves the header, the Unread tab and the button consistent', async ({ page, request }) => {
  await signIn(page, 'bob@example.com');
  await clearInbox(page);
  const to = [{ email: 'bob@example.com' }];
  for (const title of ['Invoice 1', 'Invoice 2', 'Invoice 3']) await postNotification(request, { to, title, category: 'billing' });
  for (const title of ['Deploy 1', 'Deploy 2']) await postNotification(request, { to, title, category: 'deploys' });
  await expect(page.getByTestId('unread-badge')).toHaveText('5');

  await page.getByLabel('Category').selectOption('billing');
  await expect(page.getByTestId('notification-item')).toHaveCount(3);
  await expect(page.getByTestId('inbox-summary')).toHaveText('3 unread notifications in this category');
  await expect(unreadTabCount(page)).toHaveText('3');

  await markAllButton(page).click();

  await expect(page.getByTestId('inbox-summary')).toHaveText('Nothing unread in this category.');
  await expect(markAllButton(page)).toBeDisabled();
  await expect(unreadTabCount(page)).toHaveCount(0);
  await expect(page.getByTestId('unread-badge')).toHaveText('2');
  // The server agrees after a reload.
  await page.reload();
  await expect(page.getByTestId('inbox-summary')).toHaveText('Nothing unread in this category.');
  await expect(markAllButton(page)).toBeDisabled();
  await expect(page.getByTestId('unread-badge')).toHaveText('2');

  // A new item of the category arrives live: the view's counts follow.
  await postNotification(request, { to, title: 'Invoice 4', category: 'billing' });
  await expect(page.getByTestId('inbox-summary')).toHaveText('1 unread notification in this category');
  await expect(markAllButton(page)).toBeEnabled();
  await expect(unreadTabCount(page)).toHaveText('1');

  await page.getByLabel('Category').selectOption('');
  await expect(page.getByTestId('inbox-summary')).toHaveText('3 unread notifications');
  await expect(unreadTabCount(page)).toHaveText('3');
});

test('"Mark all as read" sends the newest seq shown, and what arrives after the click stays unread', async ({ page, request }) => {
  await signIn(page, 'alice@example.com');
  await clearInbox(page);
  const to = [{ email: 'alice@example.com' }];
  const seen = [...(await postNotification(request, { to, title: 'Seen 1' })), ...(await postNotification(request, { to, title: 'Seen 2' }))];
  for (const id of seen) await expect(item(page, id)).toBeVisible();
  const bound = await newestSeq(page);

  // Hold the request on its way, as a slow network would, while another notification arrives.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/notifications/read-all', async (route) => {
    await held;
    await route.continue();
  });
  const sent = page.waitForRequest('**/api/notifications/read-all');
  await markAllButton(page).click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  expect(body).toEqual({ upToSeq: bound });

  const [late] = await postNotification(request, { to, title: 'Arrived after the click' });
  await expect(item(page, late!)).toBeVisible();
  release();

  for (const id of seen) await expect(item(page, id)).toHaveAttribute('data-read', 'true');
  await expect(item(page, late!)).toHaveAttribute('data-read', 'false');
  await expect(page.getByTestId('unread-badge')).toHaveText('1');
  await page.reload();
  await expect(item(page, late!)).toHaveAttribute('data-read', 'false');
  expect(await unreadBadge(page)).toBe(1);
});

test('opening the bell marks seen up to the newest item it shows', async ({ page, request }) => {
  await signIn(page, 'admin@example.com');
  await postNotification(request, { to: [{ email: 'admin@example.com' }], title: 'Bell check' });
  await expect(page.getByTestId('unread-badge')).toBeVisible();
  const bound = await newestSeq(page);

  const sent: Promise<Request> = page.waitForRequest('**/api/notifications/seen-all');
  await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();

  expect((await sent).postDataJSON()).toEqual({ upToSeq: bound });
  await expect(page.getByTestId('bell-panel').getByText('Bell check')).toBeVisible();
});
