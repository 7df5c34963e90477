import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './support/fixtures.js';

test('an admin sets how long a category keeps its notifications, in the new-category form and the edit row', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/categories');
  const key = `kept-${randomUUID().slice(0, 8)}`;
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New category' }) });
  await form.getByLabel('Key').fill(key);
  await form.getByLabel('Label').fill('Kept a while');
  const retention = form.getByLabel('Keep notifications for (days)');
  await retention.fill('-4');
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.locator('#category-retention-error')).toHaveText('Enter a whole number of days, from 0 to 36,500.');
  await retention.fill('90');
  await form.getByRole('button', { name: 'Create category' }).click();
  const row = page.locator(`[data-testid="category-row"][data-key="${key}"]`);
  await expect(row.getByTestId('category-retention')).toHaveText('90 days');

  await row.getByRole('button', { name: 'Edit Kept a while' }).click();
  const editing = page.getByRole('form', { name: `Edit category ${key}` });
  await expect(editing.getByLabel('Keep notifications for (days)')).toHaveValue('90');
  await editing.getByLabel('Keep notifications for (days)').fill('0');
  await editing.getByRole('button', { name: 'Save changes' }).click();
  await expect(row.getByTestId('category-retention')).toHaveText('Forever');

  await row.getByRole('button', { name: 'Edit Kept a while' }).click();
  await editing.getByLabel('Keep notifications for (days)').fill('');
  await editing.getByRole('button', { name: 'Save changes' }).click();
  await expect(row.getByTestId('category-retention')).toHaveText('Server default');
});
