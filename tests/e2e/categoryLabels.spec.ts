import { expect, test } from '@playwright/test';
import { markAllRead, postNotification, signIn } from './support/fixtures.js';

test('a category is shown by its label in the inbox chip, the filter, the bell and the admin pages', async ({ browser, request }) => {
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  await signIn(alice, 'alice@example.com');
  const title = `Dark mode is here ${Date.now().toString(36)}`;
  // `product` (label "Product updates") arrives live, possibly the first of its kind in this inbox: the
  // filter must learn its label, not show the key.
  await postNotification(request, { to: [{ email: 'alice@example.com' }], title, category: 'product' });
  const filter = alice.getByLabel('Category');
  await expect(filter.locator('option[value="product"]')).toHaveText('Product updates');

  // Freshly loaded, every place that names the category uses the label.
  await alice.reload();
  const item = alice.getByTestId('notification-item').filter({ hasText: title });
  await expect(item.locator('.chip')).toHaveText('Product updates');
  await filter.selectOption({ label: 'Product updates' });
  await expect(alice).toHaveURL(/category=product/);
  await expect(item).toBeVisible();
  await alice.getByRole('button', { name: /^Notifications,/ }).click();
  await expect(alice.getByTestId('bell-item').filter({ hasText: title })).toContainText('Product updates ·');
  await markAllRead(alice);
  await aliceContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin/sends');
  const row = admin.getByTestId('send-row').filter({ hasText: title });
  await expect(row).toContainText('Product updates');
  await expect(row).not.toContainText(/\bproduct\b/);
  await row.getByRole('link', { name: title }).click();
  await expect(admin.getByRole('heading', { name: title })).toBeVisible();
  await expect(admin.locator('.detail-title__meta .chip')).toHaveText('Product updates');
  await adminContext.close();
});
