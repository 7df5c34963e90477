import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { E2E_API_KEY } from './support/constants.js';
import { postNotification, signIn } from './support/fixtures.js';

test('an admin’s change shows in the audit log, filtered; a user’s data downloads as JSON; erasing asks for their email', async ({ page, request }) => {
  // Many steps through several pages: more than one default test timeout on a busy 2-core machine.
  test.slow();
  // A recipient a service registered, with one notification.
  const externalId = `audit-e2e-${Date.now().toString(36)}`;
  const email = `${externalId}@example.com`;
  const created = await request.put(`/api/v1/users/${externalId}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { email, name: 'Audra Subject' } });
  expect(created.status()).toBe(201);
  const userId = ((await created.json()) as { id: string }).id;
  await postNotification(request, { to: [{ externalId }], title: 'Your export test' });

  // The admin changes something: the recipient's role.
  await signIn(page, 'admin@example.com');
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(externalId);
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('combobox', { name: 'Role of Audra Subject' }).selectOption('admin');
  await expect(page.getByText('Audra Subject is now an admin')).toBeVisible();

  // The audit log has it; the Action filter narrows the log to role changes, the target link to this user.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', exact: true })).toBeVisible();
  await page.getByLabel('Action').selectOption({ label: 'Role changed' });
  await expect(page).toHaveURL(/action=user\.role_changed/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toHaveAttribute('data-action', 'user.role_changed');
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))) expect(action).toBe('user.role_changed');
  const event = rows.filter({ hasText: userId });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('admin@example.com');
  await expect(event).toContainText('Role: user → admin');
  await expect(event).not.toContainText('user.role_changed');
  await event.getByRole('button', { name: /User/ }).click();
  await expect(page.getByTestId('audit-target-filter')).toContainText(userId);
  await expect(rows).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // Export: the download is the user's data as JSON.
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search users').fill(externalId);
  const download = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Export everything about Audra Subject (JSON)' }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { user: { id: string; email: string }; notifications: { title: string }[] };
  expect(exported.user).toMatchObject({ id: userId, email });
  expect(exported.notifications.map((n) => n.title)).toEqual(['Your export test']);

  // Erase: the button stays off until their email is typed.
  await row.getByRole('button', { name: 'Erase Audra Subject and their data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Audra Subject?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Erase permanently' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${email} to confirm`).fill('someone@example.com');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${email} to confirm`).fill(email);
  await confirm.click();
  await expect(page.getByText('Audra Subject was erased (1 notification removed)')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);

  // Both are in the log.
  await page.getByRole('link', { name: 'Audit log' }).click();
  for (const [label, action] of [['User erased', 'user.erased'], ['Data exported', 'user.exported']]) {
    await page.getByLabel('Action').selectOption({ label: label! });
    await expect(rows.first()).toHaveAttribute('data-action', action!);
    await expect(rows.filter({ hasText: userId })).toHaveCount(1);
  }
});
