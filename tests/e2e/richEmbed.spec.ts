import { expect, test } from '@playwright/test';
import { startHostApp, type HostApp } from '../fixtures/hostApp/hostApp.js';
import { E2E_API_KEY, E2E_HOST_PORT, E2E_USER_TOKEN_SECRET } from './support/constants.js';

// Rich notifications (issue 11) in `<flashnotify-inbox>` on a real host page: the icon and the buttons, an
// answer recorded through the element's InboxClient (user token), seen by the sender.

const flashnotify = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;
let host: HostApp;

test.use({ locale: 'en-US' });
test.beforeAll(async () => {
  host = await startHostApp({ flashnotifyUrl: flashnotify, secret: E2E_USER_TOKEN_SECRET, apiKey: E2E_API_KEY, port: E2E_HOST_PORT });
});
test.afterAll(async () => {
  await host?.close();
});

test('the embedded inbox shows the icon and the buttons, and records “Approve” for the sender', async ({ page, request }) => {
  const user = `emb-rich-${Date.now().toString(36)}`;
  await page.goto(`${host.url}/sign-in?user=${user}`);
  await expect(page.getByTestId('flashnotify-connection')).toHaveAttribute('data-state', 'connected');

  const auth = { authorization: `Bearer ${E2E_API_KEY}` };
  const sent = await request.post('/api/v1/notifications', {
    headers: auth,
    data: {
      to: [{ externalId: user }],
      title: 'Ada asks for 3 days off',
      icon: 'https://icons.invalid/ada.png',
      actions: [
        { id: 'approve', label: 'Approve', kind: 'acknowledge', style: 'primary' },
        { id: 'decline', label: 'Decline', kind: 'acknowledge' },
      ],
    },
  });
  expect(sent.status()).toBe(202);
  const { sendId } = (await sent.json()) as { sendId: string };

  await page.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
  const item = page.getByTestId('flashnotify-item').filter({ hasText: 'Ada asks for 3 days off' });
  await expect(item).toBeVisible();
  // The icon's host does not resolve: the image is hidden, not a broken box.
  await expect(item.locator('img.item-icon')).toHaveAttribute('alt', '');
  await expect(item.locator('img.item-icon')).toBeHidden();
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item.getByTestId('flashnotify-acted')).toHaveText('Approve ✓');
  await expect(item.getByRole('button', { name: 'Decline' })).toBeDisabled();

  await expect
    .poll(async () => ((await (await request.get(`/api/v1/sends/${sendId}`, { headers: auth })).json()) as { actionCounts: { id: string; count: number }[] }).actionCounts)
    .toEqual([
      { id: 'approve', label: 'Approve', count: 1 },
      { id: 'decline', label: 'Decline', count: 0 },
    ]);
});
