import { expect, test } from '@playwright/test';
import { postNotification, signIn, unreadBadge } from './support/fixtures.js';

test('a notification posted through the API appears live with a badge and a toast', async ({ page, request }) => {
  await signIn(page, 'alice@example.com');
  const before = await unreadBadge(page);

  const postedAt = Date.now();
  const [id] = await postNotification(request, {
    to: [{ email: 'alice@example.com' }],
    title: 'Payment received',
    body: 'Invoice #1042 was paid.',
    category: 'billing',
  });
  const toast = page.locator('[data-sonner-toast]').filter({ hasText: 'Payment received' });
  await expect(toast).toBeVisible();
  const toastMs = Date.now() - postedAt;
  test.info().annotations.push({ type: 'POST → toast', description: `${toastMs} ms` });
  console.log(`[measure] POST → toast visible: ${toastMs} ms`);

  const item = page.locator(`[data-testid="notification-item"][data-id="${id}"]`);
  await expect(item).toBeVisible();
  await expect(item).toContainText('Invoice #1042 was paid.');
  await expect(item).toHaveAttribute('data-read', 'false');
  await expect(page.getByTestId('unread-badge')).toHaveText(String(before + 1));
});

test('marking read in one tab updates the badge in another', async ({ context, request }) => {
  const tab1 = await context.newPage();
  await signIn(tab1, 'bob@example.com');
  const tab2 = await context.newPage();
  await tab2.goto('/');
  await expect(tab2.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  // Other specs share this server and may have left Bob unread notifications: count from where he is.
  const before = await unreadBadge(tab2);

  const [id] = await postNotification(request, { to: [{ email: 'bob@example.com' }], title: 'Review requested' });
  const itemInTab1 = tab1.locator(`[data-testid="notification-item"][data-id="${id}"]`);
  await expect(itemInTab1).toBeVisible();
  await expect(tab2.getByTestId('unread-badge')).toHaveText(String(before + 1));

  await itemInTab1.getByRole('button', { name: 'Mark as read' }).click();
  await expect(itemInTab1).toHaveAttribute('data-read', 'true');
  if (before === 0) await expect(tab2.getByTestId('unread-badge')).toHaveCount(0);
  else await expect(tab2.getByTestId('unread-badge')).toHaveText(String(before));
  await expect(tab2.locator(`[data-testid="notification-item"][data-id="${id}"]`)).toHaveAttribute('data-read', 'true');
});

test('after going offline, everything sent meanwhile appears exactly once on reconnect', async ({ page, context, request }) => {
  await signIn(page, 'admin@example.com');
  const status = page.getByTestId('connection-status');
  const before = await unreadBadge(page);

  await context.setOffline(true);
  await expect(status).not.toHaveAttribute('data-state', 'connected');
  const ids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    ids.push(...(await postNotification(request, { to: [{ email: 'admin@example.com' }], title: `While away ${i}` })));
  }
  await context.setOffline(false);

  await expect(status).toHaveAttribute('data-state', 'connected');
  for (const id of ids) {
    await expect(page.locator(`[data-testid="notification-item"][data-id="${id}"]`)).toHaveCount(1);
  }
  await expect(page.getByTestId('notification-item').filter({ hasText: 'While away' })).toHaveCount(5);
  await expect(page.getByTestId('unread-badge')).toHaveText(String(before + 5));
});
