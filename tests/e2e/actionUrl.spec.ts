import { expect, test } from '@playwright/test';
import { signIn } from './support/fixtures.js';

// The composer checks the action link with the server's rule (shared/urls.ts) in the browser: its live
// preview makes no link of a refused value, and sending names the reason before any request is made.
test('the composer refuses an action link the browser would follow off-site, and its preview shows no link', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/compose');
  await expect(page.getByRole('heading', { name: 'Compose notification' })).toBeVisible();
  await page.getByRole('radio', { name: 'Everyone' }).check();
  await page.getByLabel('Title').fill('Your order shipped');

  const link = page.getByLabel(/Action link/);
  await link.fill('/orders/42');
  await expect(page.getByTestId('compose-preview')).toContainText('Clicking opens /orders/42');

  // A tab inside: browsers drop it and would go to //evil.example/x.
  await link.fill('/\t/evil.example/x');
  await expect(link).toHaveValue('/\t/evil.example/x');
  await expect(page.getByTestId('compose-preview')).not.toContainText('Clicking opens');

  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/api/admin/sends')) posts.push(req.url());
  });
  await page.getByRole('button', { name: 'Send notification' }).click();
  await expect(page.locator('#compose-action-url-error')).toContainText('Must not contain control characters or whitespace');
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toEqual([]);

  await link.fill('/\\evil.example');
  await page.getByRole('button', { name: 'Send notification' }).click();
  await expect(page.locator('#compose-action-url-error')).toContainText('Must not contain a backslash');
  expect(posts).toEqual([]);
});
