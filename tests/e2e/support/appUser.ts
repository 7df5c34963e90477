import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_SESSION_SECRET } from './constants.js';

/** A set-password link for an existing user, from the CLI (`user:create --reissue`), against the e2e server's database. */
function setPasswordLink(email: string, publicUrl: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, SESSION_SECRET: E2E_SESSION_SECRET, PUBLIC_URL: publicUrl, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    execFile(path.resolve('node_modules/.bin/tsx'), ['scripts/createUser.ts', '--email', email, '--reissue'], { env, timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`user:create failed: ${stderr}`)) : resolve(stdout.trim()),
    );
  });
}

/**
 * Signs a host app's user in to FlashNotify's own web app, in a browser context of its own: the host made
 * them with `PUT /api/v1/users/{externalId}` (email `<externalId>@host.example`, no password), so an admin's
 * set-password link (the CLI) gives them one first. Resolves with the app's page showing the inbox; slow
 * (a CLI process with migrations): call `test.slow()`.
 *
 * @example
 * const { app, context } = await signInToAppAsHostUser(browser, `${user}@host.example`, flashnotifyUrl);
 */
export async function signInToAppAsHostUser(browser: Browser, email: string, publicUrl: string): Promise<{ app: Page; context: BrowserContext }> {
  const link = await setPasswordLink(email, publicUrl);
  const context = await browser.newContext();
  const app = await context.newPage();
  await app.goto(link);
  await app.getByLabel('New password', { exact: true }).fill('a long and unusual password');
  await app.getByLabel('Repeat the new password').fill('a long and unusual password');
  await app.getByRole('button', { name: 'Set password' }).click();
  await expect(app.getByRole('heading', { name: 'Your password is set' })).toBeVisible();
  await app.goto('/login');
  await app.getByLabel('Email').fill(email);
  await app.getByLabel('Password').fill('a long and unusual password');
  await app.getByRole('button', { name: 'Sign in' }).click();
  await expect(app.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  return { app, context };
}
