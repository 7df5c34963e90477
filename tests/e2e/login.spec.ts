import { expect, test } from '@playwright/test';

test('the sign-in page offers the demo accounts the server reports, and picking one fills the form', async ({ page }) => {
  await page.goto('/login');
  const hint = page.getByRole('region', { name: 'Demo accounts' });
  await expect(hint).toContainText('password flashnotify');
  await hint.getByRole('button', { name: /alice@example\.com/ }).click();
  await expect(page.getByLabel('Email')).toHaveValue('alice@example.com');
  await expect(page.getByLabel('Password')).toHaveValue('flashnotify');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
});

test('without demo accounts (a production install) the sign-in page shows no demo hint', async ({ page }) => {
  // What a production server answers (tests/integration/authConfig.test.ts checks the server side).
  let asked = false;
  await page.route('**/api/auth/config', (route) => {
    asked = true;
    return route.fulfill({ json: { demoAccounts: null } });
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => asked).toBe(true);
  await expect(page.getByText('Demo accounts')).toHaveCount(0);
  await expect(page.getByTestId('demo-accounts')).toHaveCount(0);
  await expect(page.getByText('flashnotify', { exact: true })).toHaveCount(0); // the password, not the product name
});
