import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe.js';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';

// Issue 8 item 9: an email's link changes nothing when fetched or rendered (mail scanners do both); the
// notification is read once the person opens it — at once when signed in as its user, else by a click.

/** Sends a critical notification (it goes out by email at once) and returns its id and the email's open link path. */
async function emailedNotification(request: APIRequestContext, title: string, actionUrl: string): Promise<{ id: string; linkPath: string }> {
  const res = await request.post('/api/v1/notifications', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { to: [{ email: 'alice@example.com' }], title, priority: 'critical', actionUrl },
  });
  expect(res.status()).toBe(202);
  const [id] = ((await res.json()) as { notificationIds: string[] }).notificationIds;
  // No SMTP in the e2e server: the email lands in the dev outbox, which admins can read.
  const admin = await request.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'flashnotify' } });
  expect(admin.status()).toBe(200);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const outbox = (await (await request.get('/api/admin/outbox?channel=email&limit=50')).json()) as { items: { subject: string; text: string }[] };
      link = /View details: (\S+)/.exec(outbox.items.find((m) => m.subject.includes(title))?.text ?? '')?.[1];
      return link ?? '';
    })
    .toMatch(/^https?:\/\/\S+$/);
  // The link is built from PUBLIC_URL (http://localhost:<port>); the browser uses the app's 127.0.0.1 origin.
  return { id: id!, linkPath: new URL(link!).pathname };
}

/** readAt of a notification, as its user's session sees it. */
async function readAtOf(page: Page, id: string): Promise<string | null> {
  const res = await page.request.get('/api/notifications?status=all&limit=100');
  const { items } = (await res.json()) as { items: { id: string; readAt: string | null }[] };
  const item = items.find((n) => n.id === id);
  expect(item).toBeDefined();
  return item!.readAt;
}

test('a signed-in user following an email link ends on the action URL with the notification read', async ({ page, request }) => {
  await signIn(page, 'alice@example.com');
  const { id, linkPath } = await emailedNotification(request, 'Your invoice is ready', '/settings/preferences');
  expect(await readAtOf(page, id)).toBeNull();

  await page.goto(linkPath);

  await expect(page).toHaveURL(/\/settings\/preferences$/);
  await expect(page.getByRole('heading', { name: 'Notification preferences' })).toBeVisible();
  await expect.poll(() => readAtOf(page, id)).not.toBeNull();
});

test('an external action URL is reached the same way', async ({ page, request }) => {
  await page.context().route('https://billing.example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<h1>Billing portal</h1>' }),
  );
  await signIn(page, 'alice@example.com');
  const { id, linkPath } = await emailedNotification(request, 'Card declined', 'https://billing.example.com/cards?id=7');

  await page.goto(linkPath);

  await expect(page).toHaveURL('https://billing.example.com/cards?id=7');
  await expect(page.getByRole('heading', { name: 'Billing portal' })).toBeVisible();
  await expect.poll(() => readAtOf(page, id)).not.toBeNull();
});

test('without a session the link page changes nothing until the person clicks Open', async ({ page, browser, request }) => {
  await signIn(page, 'alice@example.com');
  const { id, linkPath } = await emailedNotification(request, 'Deploy approved', '/settings/preferences');

  // Another browser without Alice's cookie: her phone, or a link scanner that runs the page's scripts.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await phonePage.goto(linkPath);
  await expect(phonePage.getByRole('heading', { name: 'Open notification' })).toBeVisible();
  await expect(phonePage.getByText('Deploy approved')).toBeVisible();
  await expect(phonePage).toHaveURL(new RegExp(`/open/`));
  // Loaded, rendered and scripted: still unread.
  await phonePage.reload();
  await expect(phonePage.getByRole('button', { name: 'Open' })).toBeVisible();
  expect(await readAtOf(page, id)).toBeNull();
  expect(await seriousViolations(phonePage)).toEqual([]);

  await phonePage.getByRole('button', { name: 'Open' }).click();

  // The action URL is an app page: without a session it asks to sign in first.
  await expect(phonePage).toHaveURL(/\/login$/);
  await expect.poll(() => readAtOf(page, id)).not.toBeNull();
  await phone.close();
});

test('an invalid link says so and offers the inbox', async ({ page }) => {
  await page.goto('/api/email-actions/open/not-a-token.AAAA');
  await expect(page.getByRole('heading', { name: 'Link expired or invalid' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your inbox' })).toBeVisible();
});
