import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { signIn } from './support/fixtures.js';

// Rich notifications (issue 11), as people use them: an admin composes a request with an icon and two
// buttons, the recipient answers from the inbox, the admin sees the answer in the send's details.

test('an admin asks with two buttons, the recipient clicks “Approve”, the send detail counts 1 approved', async ({ browser }) => {
  // Two signed-in browsers and an axe scan on this shared 2-core machine.
  test.slow();
  const title = `Ada asks for 3 days off ${Date.now().toString(36)}`;
  const recipientContext = await browser.newContext();
  const recipient = await recipientContext.newPage();
  await signIn(recipient, 'alice@example.com');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin/compose');
  await admin.getByRole('combobox', { name: 'Search people' }).fill('alice');
  await admin.getByRole('option', { name: /alice@example\.com/ }).click();
  await admin.getByLabel('Title').fill(title);
  await admin.getByLabel('Icon URL').fill('/favicon.svg');
  await admin.getByRole('button', { name: 'Add a button' }).click();
  await admin.getByLabel('Button 1 label').fill('Approve');
  await admin.getByRole('button', { name: 'Add a button' }).click();
  await admin.getByLabel('Button 2 label').fill('Decline');
  await admin.getByRole('button', { name: 'Send notification' }).click();
  await expect(admin.getByTestId('compose-result')).toContainText('Sent to 1 person');

  // The recipient's inbox: the icon (decorative) and the two buttons, outside the item's link.
  const item = recipient.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('notification-icon')).toHaveAttribute('alt', '');
  await expect(item.getByTestId('notification-icon')).toHaveJSProperty('complete', true);
  const approve = item.getByRole('button', { name: 'Approve' });
  const decline = item.getByRole('button', { name: 'Decline' });
  await expect(approve).toBeVisible();
  await expect(item.locator('a button, button a, a a')).toHaveCount(0);
  expect(await seriousViolations(recipient)).toEqual([]);

  // Keyboard: the button is a tab stop of its own.
  await approve.focus();
  await recipient.keyboard.press('Enter');
  await expect(item.getByTestId('notification-acted')).toHaveText('Approve ✓');
  await expect(decline).toBeDisabled();
  await expect(item).toHaveAttribute('data-read', 'true');

  // The sender sees it.
  await admin.getByRole('link', { name: 'View send details' }).click();
  const counts = admin.getByTestId('send-action-counts');
  await expect(counts.locator('[data-action-id="approve"] dd')).toHaveText('1 person');
  await expect(counts.locator('[data-action-id="decline"] dd')).toHaveText('0 people');
  await expect(admin.getByTestId('send-recipients').locator('td[data-label="Action"]')).toHaveText(['Approve']);

  // After a reload the answer is still shown (it is the server's, not the page's).
  await recipient.reload();
  await expect(recipient.getByTestId('notification-item').filter({ hasText: title }).getByTestId('notification-acted')).toHaveText('Approve ✓');

  await Promise.all([recipientContext.close(), adminContext.close()]);
});

test('an icon that fails to load leaves no broken image and the row’s buttons work from the bell', async ({ page, request }) => {
  await signIn(page, 'bob@example.com');
  const title = `Broken icon ${Date.now().toString(36)}`;
  const { E2E_API_KEY } = await import('./support/constants.js');
  const sent = await request.post('/api/v1/notifications', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { to: [{ email: 'bob@example.com' }], title, icon: '/no-such-icon.png', actions: [{ id: 'ok', label: 'Got it', kind: 'acknowledge', style: 'primary' }] },
  });
  expect(sent.status()).toBe(202);
  const item = page.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('notification-icon')).toHaveCount(0);

  await page.getByRole('button', { name: /Notifications/ }).first().click();
  const bellItem = page.getByTestId('bell-item').filter({ hasText: title });
  await expect(bellItem).toBeVisible();
  await bellItem.getByRole('button', { name: 'Got it' }).click();
  await expect(bellItem.getByTestId('notification-acted')).toHaveText('Got it ✓');
  // Every tab: the inbox row behind the panel shows it too.
  await expect(item.getByTestId('notification-acted')).toHaveText('Got it ✓');
});
