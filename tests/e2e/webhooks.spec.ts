import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { postNotification, signIn } from './support/fixtures.js';

// Issue 13, outgoing webhooks: the admin page. The e2e server allows no private address, so the endpoint is a
// public name that never resolves (.invalid): its messages wait and retry, which the log shows.

test('an admin registers a webhook endpoint (secret shown once), reads its delivery log, resends, turns it off and on, edits, rotates and deletes it', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const url = `https://hooks-${suffix}.example.invalid/flashnotify`;

  await signIn(page, 'admin@example.com');
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', exact: true })).toBeVisible();

  // A private address is refused by the server, on the URL field.
  await page.getByLabel('URL').fill('https://10.0.0.1/hook');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByText('Must be a public host: 10.0.0.1 is a private address')).toBeVisible();

  await page.getByLabel('URL').fill(url);
  await page.getByLabel('Description').fill(`CRM ${suffix}`);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByTestId('webhook-secret-dialog');
  await expect(dialog).toBeVisible();
  const secret = await dialog.getByTestId('webhook-secret-value').inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'I have saved the secret' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('webhook-row').filter({ hasText: url });
  await expect(row.getByTestId('webhook-status')).toHaveText('Active');
  // The list never shows a secret.
  await expect(page.getByText(secret)).toHaveCount(0);

  // A send: its events are in the endpoint's log, waiting for a retry (the name does not resolve).
  await postNotification(page.request, { to: [{ email: 'bob@example.com' }], title: `Webhook ${suffix}` });
  await row.getByRole('button', { name: `Delivery log of CRM ${suffix}` }).click();
  const log = page.getByTestId('webhook-log-table');
  await expect(log.getByTestId('webhook-log-row').filter({ hasText: 'send.completed' })).toBeVisible();
  await expect(log.getByTestId('webhook-log-row').filter({ hasText: 'notification.created' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await log.getByTestId('webhook-log-row').filter({ hasText: 'send.completed' }).getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByText('The message goes again now')).toBeVisible();

  await row.getByRole('button', { name: `Turn off CRM ${suffix}` }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('Off');
  await row.getByRole('button', { name: `Turn on CRM ${suffix}` }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('Active');

  // Edit: a new description, one event fewer.
  await row.getByRole('button', { name: `Edit CRM ${suffix}` }).click();
  const edit = page.getByTestId('webhook-edit-dialog');
  await edit.getByLabel('Description').fill(`CRM ${suffix} v2`);
  await edit.getByRole('checkbox', { name: /notification\.read/ }).uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(`CRM ${suffix} v2`);
  await expect(row).not.toContainText('notification.read');

  await row.getByRole('button', { name: `Rotate the secret of CRM ${suffix} v2` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
  await expect(dialog).toBeVisible();
  const rotated = await dialog.getByTestId('webhook-secret-value').inputValue();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await dialog.getByRole('button', { name: 'I have saved the secret' }).click();

  await row.getByRole('button', { name: `Delete CRM ${suffix} v2` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('webhook-row').filter({ hasText: url })).toHaveCount(0);
});

test('on a 390 px phone, in French, an endpoint row (four events, five actions) fits the screen; a resend while it is off says it waits', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', colorScheme: 'dark' });
  const page = await context.newPage();
  const url = `https://hooks-${Date.now().toString(36)}.example.invalid/phone`;
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/webhooks');
  await page.getByLabel('URL').fill(url);
  await page.getByRole('button', { name: 'Ajouter un point de terminaison' }).click();
  await page.getByTestId('webhook-secret-dialog').getByRole('button', { name: 'J’ai enregistré le secret' }).click();
  const row = page.getByTestId('webhook-row').filter({ hasText: url });
  await expect(row.getByRole('button', { name: /Renouveler le secret/ })).toBeVisible();
  // The page does not scroll sideways: the row's actions wrap inside its card.
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);

  // Turned off, a resend waits for the endpoint to be turned back on: the toast says so, not "goes again now".
  await postNotification(page.request, { to: [{ email: 'bob@example.com' }], title: `Phone ${url}` });
  await row.getByRole('button', { name: /^Désactiver/ }).click();
  await expect(row.getByTestId('webhook-status')).toHaveText('Désactivé');
  await row.getByRole('button', { name: /^Journal/ }).click();
  await page.getByTestId('webhook-log-row').filter({ hasText: 'send.completed' }).getByRole('button', { name: 'Renvoyer' }).click();
  await expect(page.getByText('Le message partira quand le point de terminaison sera réactivé')).toBeVisible();
  await row.getByRole('button', { name: /^Supprimer/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(row).toHaveCount(0);
  await context.close();
});
