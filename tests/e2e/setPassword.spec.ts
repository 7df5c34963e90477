import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { E2E_SESSION_SECRET } from './support/constants.js';

// Issue 8 item 14: the first admin of a production install, from `npm run user:create` to the inbox.

/** Runs the CLI against the e2e server's database (playwright.config.ts shares E2E_DATA_DIR) and returns the link. */
function createUser(email: string, baseURL: string): Promise<string> {
  // The same DATA_DIR and SESSION_SECRET as the e2e server (playwright.config.ts), so it accepts the link's signature.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, SESSION_SECRET: E2E_SESSION_SECRET, PUBLIC_URL: baseURL, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    execFile(path.resolve('node_modules/.bin/tsx'), ['scripts/createUser.ts', '--email', email, '--role', 'admin', '--name', 'First Admin'], { env, timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`user:create failed: ${stderr}`)) : resolve(stdout.trim()),
    );
  });
}

test('a user created with user:create sets a password through the link, once, and signs in with it', async ({ page, baseURL }) => {
  // Starts a CLI process (tsx + migrations) and scans three pages with axe: slow on a busy machine.
  test.slow();
  const link = await createUser('first-admin@example.com', baseURL!);
  expect(link).toMatch(/\/set-password#token=/);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('first-admin@example.com');
  expect(await seriousViolations(page)).toEqual([]);

  // Too short, then two different passwords: each error is announced and names its field.
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toHaveText('Must be at least 12 characters');
  await expect(page.getByLabel('New password', { exact: true })).toBeFocused();
  await page.getByLabel('New password', { exact: true }).fill('a long and unusual password');
  await page.getByLabel('Repeat the new password').fill('a long and unusual passw0rd');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passwords differ');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Repeat the new password').fill('a long and unusual password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password is set' })).toBeVisible();

  // The same link again, opened anew: dead.
  const again = await page.context().newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(again.getByRole('alert')).toContainText('already used');
  expect(await seriousViolations(again)).toEqual([]);
  await again.close();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill('first-admin@example.com');
  await page.getByLabel('Password').fill('a long and unusual password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
});

test('the email link pages are accessible too', async ({ page }) => {
  await page.goto('/open/not-a-token.AAAA');
  await expect(page.getByRole('heading', { name: 'Link expired or invalid' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
