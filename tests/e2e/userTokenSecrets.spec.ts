import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { seriousViolations } from './support/axe.js';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare const navigator: { clipboard: { readText(): Promise<string> } };

/** A user token as a host backend signs it, following the snippet the page shows. */
function signUserToken({ secret, kid, externalId, name }: { secret: string; kid: string; externalId: string; name: string }) {
  return new SignJWT({ name })
    .setProtectedHeader({ alg: 'HS256', kid })
    .setSubject(externalId)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** The inbox counts fetched with a user token alone (this request context holds no session cookie). */
async function countsWith(request: APIRequestContext, token: string) {
  const res = await request.get('/api/notifications/counts', { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status(), body: (await res.json()) as { unread?: number; error?: { code: string } } };
}

/** The secret and kid the open new-secret dialog shows, after checking the snippet carries the kid. */
async function readShownSecret(page: Page) {
  const dialog = page.getByTestId('user-token-secret-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You won’t be able to see it again');
  const secret = await dialog.getByTestId('user-token-secret-value').inputValue();
  const kid = await dialog.getByTestId('user-token-secret-kid').inputValue();
  expect(secret).toMatch(/^fnuts_[A-Za-z0-9_-]{43}$/);
  expect(kid).toMatch(/^uts_[A-Za-z0-9_-]{12}$/);
  await expect(dialog.getByTestId('user-token-snippet')).toContainText(`.setProtectedHeader({ alg: 'HS256', kid: '${kid}' })`);
  return { dialog, secret, kid };
}

test('an admin creates, rotates and revokes user-token secrets, and tokens signed with them open the inbox API until revoked', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A host's user, created as a host backend would, before any token names it.
  const suffix = Date.now().toString(36);
  const externalId = `host-user-${suffix}`;
  const userCreated = await request.put(`/api/v1/users/${externalId}`, {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { email: `${externalId}@example.com`, name: 'Hana Host' },
  });
  expect(userCreated.status()).toBe(201);

  await signIn(page, 'admin@example.com');
  await page.getByRole('link', { name: 'User tokens' }).click();
  await expect(page.getByRole('heading', { name: 'User tokens', exact: true })).toBeVisible();
  // The e2e server has USER_TOKEN_SECRET (the embed spec's host signs with it): the page says so.
  await expect(page.getByTestId('user-token-env')).toHaveAttribute('data-set', 'true');
  await expect(page.getByTestId('user-token-env')).toContainText('USER_TOKEN_SECRET is set');

  // Create: the secret is shown once, with a working copy button and the signing code.
  const name = `Host app ${suffix}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create secret' }).click();
  const first = await readShownSecret(page);
  await expect(first.dialog.getByTestId('user-token-secret-value')).toBeFocused();
  await first.dialog.getByRole('button', { name: 'Copy', exact: true }).first().click();
  await expect(first.dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first.secret);
  expect(await seriousViolations(page)).toEqual([]);
  await first.dialog.getByRole('button', { name: 'I’ve saved the secret' }).click();
  await expect(first.dialog).toBeHidden();

  // The secret is nowhere on the page any more; after a reload it is listed as active with its hint.
  expect(await page.content()).not.toContain(first.secret);
  const rows = page.getByTestId('user-token-secret-row');
  const row = (kid: string) => page.locator(`[data-testid="user-token-secret-row"][data-secret-id="${kid}"]`);
  await page.reload();
  await expect(row(first.kid)).toHaveAttribute('data-status', 'active');
  await expect(row(first.kid).getByTestId('user-token-secret-status')).toHaveText('Active');
  await expect(row(first.kid)).toContainText(name);
  await expect(row(first.kid)).toContainText(`…${first.secret.slice(-4)}`);
  await expect(row(first.kid)).toContainText('by Ada Admin');

  // A token signed with the displayed secret and kid opens the inbox API for that user.
  const firstToken = await signUserToken({ secret: first.secret, kid: first.kid, externalId, name: 'Hana Host' });
  const opened = await countsWith(request, firstToken);
  expect(opened.status).toBe(200);
  expect(opened.body.unread).toBe(0);

  // Rotate with the default overlap (one day): the old secret retires, its successor is shown once.
  await row(first.kid).getByRole('button', { name: `Rotate ${name} (${first.kid})` }).click();
  const rotateDialog = page.getByTestId('rotate-dialog');
  await expect(rotateDialog.getByRole('radio', { name: /^1 day/ })).toBeChecked();
  await expect(rotateDialog.getByRole('radio', { name: /^1 day/ })).toBeFocused();
  await rotateDialog.getByRole('button', { name: 'Rotate secret' }).click();
  const second = await readShownSecret(page);
  expect(second.kid).not.toBe(first.kid);
  await expect(page.getByTestId('user-token-rotation-note')).toContainText(`old secret (${first.kid}) keep working until`);
  await second.dialog.getByRole('button', { name: 'I’ve saved the secret' }).click();
  await expect(second.dialog).toBeHidden();
  // The Rotate button is gone with the old row's status: focus goes to the new secret's row, not the page's body.
  await expect(row(second.kid)).toBeFocused();
  await expect(row(first.kid)).toHaveAttribute('data-status', 'retiring');
  await expect(row(first.kid)).toContainText(`Replaced by ${second.kid}`);
  await expect(row(first.kid)).toContainText('Until');
  await expect(row(second.kid)).toHaveAttribute('data-status', 'active');
  await expect(rows.first()).toHaveAttribute('data-secret-id', second.kid);

  // During the overlap both secrets sign valid tokens.
  expect((await countsWith(request, firstToken)).status).toBe(200);
  const secondToken = await signUserToken({ secret: second.secret, kid: second.kid, externalId, name: 'Hana Host' });
  expect((await countsWith(request, secondToken)).status).toBe(200);

  // Revoke the first secret: the dialog says what happens and starts on the safe choice.
  await row(first.kid).getByRole('button', { name: `Revoke ${name} (${first.kid})` }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('stop working at once');
  await expect(confirm).toContainText('embedded inboxes using them are disconnected');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Revoke secret' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(first.kid)).toHaveAttribute('data-status', 'revoked');
  await expect(row(first.kid).getByTestId('user-token-secret-status')).toHaveText('Revoked');
  await expect(row(first.kid)).toBeFocused();
  await expect(row(first.kid).getByRole('button')).toHaveCount(1); // only "Copy kid" is left

  // Its tokens are refused at once; the successor's keep working.
  const refused = await countsWith(request, firstToken);
  expect(refused.status).toBe(401);
  expect(refused.body.error?.code).toBe('invalid_token');
  expect((await countsWith(request, secondToken)).status).toBe(200);
  expect(await seriousViolations(page)).toEqual([]);
});
