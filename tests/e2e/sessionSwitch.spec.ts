import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { markAllRead, postNotification, signIn } from './support/fixtures.js';

/** Takes one tab (not its whole context: the other tab shares the cookie jar and stays online) off the network. */
async function setTabOffline(cdp: CDPSession, offline: boolean): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/**
 * Records, inside the page, every moment at which the header names `name` while `text` is on the
 * page (a list item or a toast): one user's data shown under another user's name.
 */
async function watchForLeak(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__leaks = [];
    const check = () => {
      const who = document.querySelector('[data-testid="current-user"]')?.textContent ?? '';
      if (who.includes(${JSON.stringify(name)}) && document.body.textContent.includes(${JSON.stringify(text)})) window.__leaks.push(who);
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

const leaks = (page: Page) => page.evaluate<string[]>('window.__leaks');

test('a tab whose browser signed in as someone else while it was offline shows that user fresh, never their items under the old name', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext();
  try {
    const tab1 = await context.newPage();
    await signIn(tab1, 'alice@example.com');
    await expect(tab1.getByTestId('current-user')).toHaveText('Alice Example');
    const tab2 = await context.newPage();
    await tab2.goto('/');
    await expect(tab2.getByTestId('current-user')).toHaveText('Alice Example');

    const title = `Only for Bob ${Date.now()}`;
    await watchForLeak(tab1, 'Alice', title);
    const cdp = await context.newCDPSession(tab1);
    await setTabOffline(cdp, true);
    await expect(tab1.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected');

    // Tab 2 (same cookie jar): sign out, sign in as bob; bob gets a notification meanwhile.
    await tab2.getByRole('button', { name: 'Sign out' }).click();
    await expect(tab2.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await signIn(tab2, 'bob@example.com');
    await expect(tab2.getByTestId('current-user')).toHaveText('Bob Example');
    const [bobItem] = await postNotification(request, { to: [{ email: 'bob@example.com' }], title });
    await expect(tab2.locator(`[data-testid="notification-item"][data-id="${bobItem}"]`)).toHaveCount(1);

    // Tab 1 comes back: its socket reconnects with bob's cookie and alice's identity and watermark.
    await setTabOffline(cdp, false);
    await expect(tab1.getByTestId('current-user')).toHaveText('Bob Example');
    await expect(tab1.locator(`[data-testid="notification-item"][data-id="${bobItem}"]`)).toHaveCount(1);
    await expect(tab1.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
    expect(await leaks(tab1)).toEqual([]);

    // Leave no unread item for bob: inbox.spec counts his badge from zero.
    await markAllRead(tab2);
  } finally {
    await context.close();
  }
});

test('an admin demoted while an admin page is open loses the Admin navigation and the page at once', async ({ browser, page }) => {
  const adminContext = await browser.newContext();
  const admin = adminContext.request;
  const login = await admin.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'flashnotify' } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  await signIn(page, 'alice@example.com');
  const aliceId = ((await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } }).user.id;
  const setRole = async (role: 'admin' | 'user') => {
    const res = await admin.patch(`/api/admin/users/${aliceId}`, { headers: { 'x-csrf-token': csrfToken }, data: { role } });
    expect(res.status()).toBe(200);
  };
  const adminNav = page.getByRole('group', { name: 'Admin' });

  try {
    await setRole('admin');
    await page.goto('/admin/compose');
    await expect(adminNav).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send notification' })).toBeVisible();

    // Demoted: the server ends her sockets; the reconnect re-reads the session, and the page follows.
    await setRole('user');
    await expect(adminNav).toHaveCount(0);
    await expect(page.getByTestId('admin-required')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send notification' })).toHaveCount(0);
    await expect(page.getByTestId('current-user')).toHaveText('Alice Example'); // still signed in
  } finally {
    await setRole('user');
    await adminContext.close();
  }
});
