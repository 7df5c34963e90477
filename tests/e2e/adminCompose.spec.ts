import { expect, test } from '@playwright/test';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';

test('an admin composes to a topic; a subscriber sees it live, a non-subscriber does not', async ({ browser, request }) => {
  test.slow(); // three people signed in, each in a browser context of their own
  const auth = { authorization: `Bearer ${E2E_API_KEY}` };
  // 409 on Playwright's retry of this test: the first attempt created it (the server is shared by the run).
  expect([201, 409]).toContain((await request.post('/api/v1/topics', { headers: auth, data: { key: 'incidents', name: 'Incidents' } })).status());

  const subscriberContext = await browser.newContext();
  const subscriber = await subscriberContext.newPage();
  await signIn(subscriber, 'alice@example.com');
  const { user } = (await (await subscriber.request.get('/api/auth/session')).json()) as { user: { id: string } };
  const subscribed = await request.post('/api/v1/topics/incidents/subscribers', { headers: auth, data: { subscribers: [{ userId: user.id }] } });
  expect(subscribed.status()).toBe(200);

  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signIn(outsider, 'bob@example.com');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.com');
  await admin.goto('/admin/compose');
  await expect(admin.getByRole('heading', { name: 'Compose notification' })).toBeVisible();
  await admin.getByRole('radio', { name: 'Topic' }).check();
  await admin.getByLabel('Topic', { exact: true }).selectOption('incidents');
  await expect(admin.getByTestId('reach-estimate')).toContainText('Will reach 1 person');
  await admin.getByLabel('Title').fill('Database failover in progress');
  await admin.getByLabel('Body').fill('Writes may fail for up to 2 minutes.');
  await admin.getByRole('button', { name: 'Send notification' }).click();
  await expect(admin.getByTestId('compose-result')).toContainText('Sent to 1 person');

  const item = subscriber.getByTestId('notification-item').filter({ hasText: 'Database failover in progress' });
  await expect(item).toBeVisible();
  await expect(subscriber.locator('[data-sonner-toast]').filter({ hasText: 'Database failover in progress' })).toBeVisible();

  // Bob is connected the whole time; give a leak time to show, then check nothing arrived.
  await outsider.waitForTimeout(500);
  await expect(outsider.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(outsider.getByTestId('notification-item').filter({ hasText: 'Database failover' })).toHaveCount(0);

  await Promise.all([subscriberContext.close(), outsiderContext.close(), adminContext.close()]);
});

test('admin pages are closed to other users', async ({ page }) => {
  await signIn(page, 'bob@example.com');
  await expect(page.getByRole('link', { name: 'Compose' })).toHaveCount(0);
  await page.goto('/admin/compose');
  await expect(page.getByRole('heading', { name: 'You need admin access' })).toBeVisible();
  expect((await page.request.get('/api/admin/sends')).status()).toBe(403);
});

test('a double-clicked Send sends the message once, shows the result in view and clears the form', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/compose');
  await expect(page.getByRole('heading', { name: 'Compose notification' })).toBeVisible();
  const title = `Quarterly report ${Date.now().toString(36)}`;
  await page.getByRole('combobox', { name: 'Search people' }).fill('alice');
  await page.getByRole('option', { name: /alice@example\.com/ }).click();
  await expect(page.getByTestId('reach-estimate')).toContainText('Will reach 1 person');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Body').fill('Numbers are in.');

  // Every POST the page makes, so the count below is taken once all of them have been answered.
  const answered: Promise<unknown>[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/admin/sends') answered.push(req.response());
  });
  await page.getByRole('button', { name: 'Send notification' }).dblclick();

  const result = page.getByTestId('compose-result');
  await expect(result).toContainText('Sent to 1 person');
  await Promise.all(answered);
  // Exactly one send of this message, in the Sent history.
  const history = await page.request.get('/api/admin/sends?limit=100');
  expect(history.status()).toBe(200);
  expect(((await history.json()) as { items: { title: string }[] }).items.filter((send) => send.title === title)).toHaveLength(1);

  // The confirmation is where the eye and the focus are, and the form is ready for a new message.
  await expect(result).toBeInViewport();
  await expect(result).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.getByLabel('Body')).toHaveValue('');

  await result.getByRole('link', { name: 'View send details' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.goto('/admin/sends');
  await expect(page.getByRole('heading', { name: 'Sent', exact: true })).toBeVisible();
  await expect(page.getByTestId('send-row').filter({ hasText: title })).toHaveCount(1);
});

test('clicking Send again after a send does not send the message a second time', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/compose');
  const title = `Maintenance window ${Date.now().toString(36)}`;
  await page.getByRole('combobox', { name: 'Search people' }).fill('alice');
  await page.getByRole('option', { name: /alice@example\.com/ }).click();
  await page.getByLabel('Title').fill(title);
  const answered: Promise<unknown>[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/admin/sends') answered.push(req.response());
  });
  const send = page.getByRole('button', { name: 'Send notification' });
  await send.click();
  await expect(page.getByTestId('compose-result')).toContainText('Sent to 1 person');

  // The admin, unsure it went out, clicks again.
  await send.click();
  await expect(send).toBeEnabled();
  await Promise.all(answered);
  const history = await page.request.get('/api/admin/sends?limit=100');
  expect(((await history.json()) as { items: { title: string }[] }).items.filter((item) => item.title === title)).toHaveLength(1);
});

test('the composer says what happens to template values: plain text, escaped only in the email HTML', async ({ page }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/compose');
  const hint = page.locator('#compose-variables');
  await expect(hint).toContainText('Values go in as plain text');
  await expect(hint).not.toContainText('HTML-escaped'); // stored and shown text is not escaped; only the email's HTML is
});
