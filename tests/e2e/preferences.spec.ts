import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { DeliveryPage, OutboxPage } from '../../shared/schemas/delivery.js';
import { postNotification, signIn } from './support/fixtures.js';

/** A fresh browser context signed in as `email`. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Email deliveries the server created for one notification (admin API). */
async function emailDeliveries(admin: APIRequestContext, notificationId: string): Promise<number> {
  const res = await admin.get(`/api/admin/deliveries?channel=email&notificationId=${encodeURIComponent(notificationId)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as DeliveryPage).items.length;
}

/** Subjects of the emails the dev outbox captured for alice (SMTP is not configured in e2e). */
async function outboxSubjects(admin: APIRequestContext): Promise<string[]> {
  const res = await admin.get('/api/admin/outbox?channel=email&limit=100');
  expect(res.status()).toBe(200);
  return ((await res.json()) as OutboxPage).items.filter((m) => m.to === 'alice@example.com').map((m) => m.subject);
}

test('turning email off for Billing keeps billing notifications in the inbox and out of email, live in every tab', async ({
  browser,
  request,
}) => {
  const adminPage = await signedIn(browser, 'admin@example.com');
  const admin = adminPage.request;
  const alice = await signedIn(browser, 'alice@example.com');
  const to = [{ email: 'alice@example.com' }];
  // Unique per run, so a repeated run on the same server never matches an earlier one's items.
  const run = Date.now().toString(36);
  const control = `Invoice ${run}-1 is ready`;
  const muted = `Invoice ${run}-2 is ready`;

  // Control, before the change: billing emails by default.
  const [controlId] = await postNotification(request, { to, title: control, category: 'billing' });
  await expect.poll(() => emailDeliveries(admin, controlId!)).toBe(1);
  await expect.poll(() => outboxSubjects(admin)).toContain(control);

  await alice.getByRole('link', { name: 'Preferences' }).click();
  await expect(alice.getByRole('heading', { name: 'Notification preferences' })).toBeVisible();
  // A second tab of alice's, on the same page.
  const otherTab = await alice.context().newPage();
  await otherTab.goto('/settings/preferences');
  await expect(otherTab.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');

  const billingEmail = alice.getByRole('checkbox', { name: 'Billing: Email', exact: true });
  const otherBillingEmail = otherTab.getByRole('checkbox', { name: 'Billing: Email', exact: true });
  await expect(billingEmail).toBeChecked();
  await expect(otherBillingEmail).toBeChecked();
  // Critical categories are locked on.
  await expect(alice.getByRole('checkbox', { name: 'Security: In-app', exact: true })).toBeDisabled();

  await billingEmail.uncheck();
  await expect(alice.getByTestId('preferences-save-status')).toHaveText('Saved');
  await expect(billingEmail).not.toBeChecked();
  await expect(alice.getByRole('button', { name: 'Reset Billing: Email to default' })).toBeVisible();
  await expect(otherBillingEmail).not.toBeChecked(); // via `preferences.updated`, no reload

  // After the change: the inbox still gets billing notifications, live; email does not.
  await alice.getByRole('link', { name: 'Inbox' }).click();
  const [mutedId] = await postNotification(request, { to, title: muted, category: 'billing' });
  await expect(alice.getByTestId('notification-item').filter({ hasText: muted })).toBeVisible();
  // Deliveries are planned in the notification's own transaction: none now means none ever.
  expect(await emailDeliveries(admin, mutedId!)).toBe(0);
  expect(await emailDeliveries(admin, controlId!)).toBe(1);
  expect(await outboxSubjects(admin)).not.toContain(muted);

  // Back to the default, from the other tab; the first tab follows.
  await otherTab.getByRole('button', { name: 'Reset Billing: Email to default' }).click();
  await expect(otherBillingEmail).toBeChecked();
  await expect(otherTab.getByTestId('preferences-save-status')).toHaveText('Saved');
  await alice.getByRole('link', { name: 'Preferences' }).click();
  await expect(billingEmail).toBeChecked();

  await Promise.all([alice.context().close(), adminPage.context().close()]);
});
