import { expect, test } from '@playwright/test';
import { postNotification, signIn } from './support/fixtures.js';

test('a category is shown by its label in the inbox chip, the filter, the bell and the admin pages', async ({ browser, request }) => {
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, 'bob@example.com');
  const title = `Dark mode is here ${Date.now().toString(36)}`;
  // `product` (label "Product updates") arrives live, possibly the first of its kind in bob's inbox.
  await postNotification(request, { to: [{ email: 'bob@example.com' }], title, category: 'product' });

  const item = bob.getByTestId('notification-item').filter({ hasText: title });
  await expect(item.locator('.chip')).toHaveText('Product updates');
  const filter = bob.getByLabel('Category');
  await expect(filter.locator('option[value="product"]')).toHaveText('Product updates');
  await filter.selectOption({ label: 'Product updates' });
  await expect(bob).toHaveURL(/category=product/);
  await expect(item).toBeVisible();

  await bob.getByRole('button', { name: /^Notifications,/ }).click();
  await expect(bob.getByTestId('bell-item').filter({ hasText: title })).toContainText('Product updates ·');
  await bobContext.close();

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
