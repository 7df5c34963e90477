import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { linkFromOutbox, newAccount, newEmail } from './support/accounts.js';
import { seriousViolations } from './support/axe.js';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';

// Issue 10 §1, as people use it: an admin invites someone by email, a person who forgot their password
// resets it by email, and a user signs out one of their other sessions. SMTP is not configured for the e2e
// server: emails land in the dev outbox, read here through the admin's outbox API as the admin UI does.

/** Signs in through the login form with a password of one's own. */
async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
}

/** A fresh browser (own cookies) on a new page. */
async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  return (await browser.newContext({ baseURL })).newPage();
}

test('an admin invites a person; the invitation email leads to setting a password and signing in; a revoked one is dead', async ({ page, browser, baseURL }) => {
  test.slow();
  const email = newEmail('invitee');
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/users');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name (optional)').fill('Ivy Invitee');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const row = page.getByTestId('invitation-row').filter({ hasText: email });
  await expect(row).toContainText('Pending');
  expect(await seriousViolations(page)).toEqual([]);

  const link = await linkFromOutbox(page.request, email, 'You are invited to FlashNotify', 'invitation');
  const invitee = await freshPage(browser, baseURL);
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(invitee.getByLabel('Email')).toHaveValue(email);
  expect(await seriousViolations(invitee)).toEqual([]);
  await invitee.getByLabel('New password', { exact: true }).fill('my very own long password');
  await invitee.getByLabel('Repeat the new password').fill('my very own long password');
  await invitee.getByRole('button', { name: 'Create account' }).click();
  await expect(invitee.getByRole('heading', { name: 'Your account is ready' })).toBeVisible();
  await invitee.getByRole('link', { name: 'Sign in' }).click();
  await signInWith(invitee, email, 'my very own long password');
  await invitee.context().close();

  await page.reload();
  await expect(row).toContainText('Accepted');

  // Revoked: the emailed link stops working.
  const revokedEmail = newEmail('revoked');
  await page.getByLabel('Email').fill(revokedEmail);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const revokedLink = await linkFromOutbox(page.request, revokedEmail, 'You are invited to FlashNotify', 'invitation');
  await page.getByRole('button', { name: `Revoke the invitation to ${revokedEmail}` }).click();
  await page.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(page.getByTestId('invitation-row').filter({ hasText: revokedEmail })).toContainText('Revoked');
  const stranger = await freshPage(browser, baseURL);
  await stranger.goto(revokedLink);
  await expect(stranger.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(stranger.getByRole('alert')).toContainText('withdrawn');
  await stranger.context().close();
});

test('forgot password: the emailed link sets a new password and signs out the other session', async ({ page, browser, baseURL }) => {
  test.slow();
  await signIn(page, 'admin@example.com');
  const email = await newAccount(page, 'the original long password');
  const laptop = await freshPage(browser, baseURL);
  await signInWith(laptop, email, 'the original long password');

  const phone = await freshPage(browser, baseURL);
  await phone.goto('/login');
  await phone.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(phone.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.getByLabel('Email').fill(email);
  await phone.getByRole('button', { name: 'Send the link' }).click();
  await expect(phone.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(phone.getByRole('status')).toContainText(`If ${email} has a FlashNotify account`);

  const link = await linkFromOutbox(page.request, email, 'Reset your FlashNotify password', 'set-password');
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await phone.getByLabel('New password', { exact: true }).fill('a brand new long password');
  await phone.getByLabel('Repeat the new password').fill('a brand new long password');
  await phone.getByRole('button', { name: 'Set password' }).click();
  await expect(phone.getByRole('heading', { name: 'Your password is set' })).toBeVisible();

  // The laptop's session ended: its socket was disconnected, and reconnecting finds no session.
  await expect(laptop.getByRole('heading', { name: 'Sign in to your inbox' })).toBeVisible({ timeout: 20_000 });
  await signInWith(phone, email, 'a brand new long password');
  await laptop.context().close();
  await phone.context().close();
});

test('a user sees their sessions and signs out another one, then everywhere else', async ({ page, browser, baseURL }) => {
  test.slow();
  await signIn(page, 'admin@example.com');
  const email = await newAccount(page, 'a session tester password');
  const [laptop, phone, tablet] = [await freshPage(browser, baseURL), await freshPage(browser, baseURL), await freshPage(browser, baseURL)];
  for (const device of [laptop, phone, tablet]) await signInWith(device, email, 'a session tester password');

  await laptop.getByRole('link', { name: 'Account' }).click();
  await expect(laptop.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();
  const sessions = laptop.getByTestId('session');
  await expect(sessions).toHaveCount(3);
  await expect(sessions.first()).toContainText('This device');
  await expect(sessions.first()).toContainText('Chrome');
  expect(await seriousViolations(laptop)).toEqual([]);

  await sessions.nth(1).getByRole('button', { name: /^Sign out/ }).click();
  await expect(sessions).toHaveCount(2);
  // One of the other two devices is now signed out; the other is still in.
  await expect
    .poll(async () => (await Promise.all([phone, tablet].map((p) => p.getByRole('heading', { name: 'Sign in to your inbox' }).count()))).reduce((a, b) => a + b), {
      timeout: 20_000,
    })
    .toBe(1);

  await laptop.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Signed out 1 other session' })).toBeVisible();
  await expect(sessions).toHaveCount(1);
  for (const device of [phone, tablet]) await expect(device.getByRole('heading', { name: 'Sign in to your inbox' })).toBeVisible({ timeout: 20_000 });
  await expect(laptop.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  for (const device of [laptop, phone, tablet]) await device.context().close();
});

test('an admin links an existing account to the id a host app knows it by; a clash is shown on the field', async ({ page, request }) => {
  await signIn(page, 'admin@example.com');
  const accountEmail = await newAccount(page, 'a long and unusual password');
  const externalId = `crm-${randomUUID().slice(0, 8)}`;
  // The host app already uses the id for someone else.
  const other = `other-${randomUUID().slice(0, 8)}`;
  expect(
    (
      await request.put(`/api/v1/users/${other}`, {
        headers: { authorization: `Bearer ${E2E_API_KEY}` },
        data: { email: `${other}@host.example`, name: 'Other' },
      })
    ).status(),
  ).toBe(201);

  await page.goto('/admin/users');
  // Inviting the account again: the server's 409 is shown on the email field the browser found well-formed.
  await page.getByLabel('Email', { exact: true }).fill(accountEmail);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/account/i);
  await page.getByLabel('Search users').fill(accountEmail);
  const row = page.getByTestId('user-row').filter({ hasText: accountEmail });
  await row.getByRole('button', { name: /^Link to your app:/ }).click();
  const dialog = page.getByTestId('external-id-dialog');
  await dialog.getByLabel('External id').fill(other);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('External id')).toHaveAccessibleDescription(/Another user already has this external id|Already used by another user/);
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByLabel('External id').fill(externalId);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText(externalId, { exact: true })).toBeVisible();
  // The host's API now reaches that account, not a new user.
  const res = await request.get(`/api/v1/users/${externalId}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } });
  expect(((await res.json()) as { email: string }).email).toBe(accountEmail);
});
