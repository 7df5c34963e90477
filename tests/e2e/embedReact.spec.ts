import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHostApp, type HostApp } from '../fixtures/hostApp/hostApp.js';
import { buildHostReactPage } from '../fixtures/hostApp/react/build.js';
import { seriousViolations } from './support/axe.js';
import { signInToAppAsHostUser } from './support/appUser.js';
import { E2E_API_KEY, E2E_HOST_PORT, E2E_USER_TOKEN_SECRET } from './support/constants.js';
import { postNotification } from './support/fixtures.js';

// Issue 10, sections 3 and 4: FlashNotify's React components on a React host. FlashNotify (origin A) is the
// e2e server of playwright.config.ts, whose ALLOWED_ORIGINS lists the host app started here (origin B,
// E2E_HOST_PORT); a second copy of the host on a port nobody listed is the stranger (origin C). The host's
// page (`/react`) is built here with Vite against the components' built library (dist/embed-react), as a
// host's bundler would; its backend signs user tokens with jose.

const flashnotify = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;
const run = Date.now().toString(36);
let host: HostApp;
let stranger: HostApp;
let assets: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  assets = mkdtempSync(path.join(tmpdir(), 'flashnotify-host-react-'));
  await buildHostReactPage(assets);
  // With the API key the host creates its user in FlashNotify at sign-in (PUT /api/v1/users/{externalId}).
  const options = { flashnotifyUrl: flashnotify, secret: E2E_USER_TOKEN_SECRET, apiKey: E2E_API_KEY, reactAssetsDir: assets };
  host = await startHostApp({ ...options, port: E2E_HOST_PORT });
  stranger = await startHostApp(options);
});
test.afterAll(async () => {
  await host?.close();
  await stranger?.close();
  if (assets) rmSync(assets, { recursive: true, force: true });
});

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, \d+ unread/ });
const badge = (page: Page) => page.locator('.fn-react--bell').getByTestId('unread-badge');
const popover = (page: Page) => page.getByRole('dialog', { name: 'Recent notifications' });
const feed = (page: Page) => page.locator('.fn-react--feed');
const feedTitles = (page: Page) => feed(page).locator('.notification__title');
const connection = (page: Page) => feed(page).getByTestId('connection-status');

/** Signs in to the host app as `user` (which creates them in FlashNotify) and opens its React page. */
async function openHost(page: Page, user: string, { app = host, query = '', connected = true } = {}): Promise<void> {
  await page.goto(`${app.url}/sign-in?user=${user}&next=/react`);
  if (query) await page.goto(`${app.url}/react${query}`);
  await expect(page.getByRole('heading', { name: 'Host app (React)' })).toBeVisible();
  if (connected) await expect(connection(page)).toHaveAttribute('data-state', 'connected');
}

test('a notification posted with the API key shows live: exact badge, the feed, the bell popover; axe-clean', async ({ page, request }) => {
  // Three axe scans: 40 s on a loaded 2-core machine, near the default timeout.
  test.slow();
  const user = `rx-live-${run}`;
  await openHost(page, user);
  await expect(badge(page)).toBeHidden();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread');
  await expect(feed(page).getByTestId('inbox-empty')).toBeVisible();

  for (let i = 1; i <= 4; i++) {
    await postNotification(request, { to: [{ externalId: user }], title: `Live ${i} ${run}`, body: `Body <b>${i}</b>` });
    await expect(badge(page)).toHaveText(String(i));
    await expect(feedTitles(page)).toHaveText(Array.from({ length: i }, (_, k) => `Live ${i - k} ${run}`).map((t) => new RegExp(t)));
  }
  await expect(bell(page)).toHaveAccessibleName('Notifications, 4 unread');
  await expect(feed(page).getByTestId('inbox-summary')).toHaveText('4 unread notifications');
  await expect(feed(page).locator('.notification__body').first()).toHaveText('Body <b>4</b>');
  expect(await seriousViolations(page)).toEqual([]);

  // The popover: a dialog that takes focus, the feed newest first; Escape gives focus back to the bell.
  await bell(page).click();
  await expect(popover(page)).toBeVisible();
  await expect(popover(page)).toBeFocused();
  await expect(popover(page).getByTestId('notification-item')).toHaveCount(4);
  await expect(popover(page).getByTestId('notification-item').first()).toHaveAttribute('data-read', 'false');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(popover(page)).toBeHidden();
  await expect(bell(page)).toBeFocused();

  // A new one while open is at the top of the popover and of the page's feed; an outside click closes.
  await bell(page).click();
  await postNotification(request, { to: [{ externalId: user }], title: `Live 5 ${run}` });
  await expect(popover(page).locator('.notification__title').first()).toHaveText(new RegExp(`Live 5 ${run}`));
  await expect(feedTitles(page).first()).toHaveText(new RegExp(`Live 5 ${run}`));
  await expect(badge(page)).toHaveText('5');
  await page.getByRole('heading', { name: 'Host app (React)' }).click();
  await expect(popover(page)).toBeHidden();

  // Preferences: the app's page, over the user token.
  await page.getByRole('button', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { name: 'Notification preferences' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Email notifications' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dark theme: feed, popover and preferences axe-clean', async ({ page, request }) => {
  // Three axe scans: 40 s on a loaded 2-core machine, near the default timeout.
  test.slow();
  const user = `rx-dark-${run}`;
  await openHost(page, user, { query: '?theme=dark' });
  await expect(page.locator('.fn-react').first()).toHaveAttribute('data-theme', 'dark');
  await postNotification(request, { to: [{ externalId: user }], title: `Dark 1 ${run}`, priority: 'critical' });
  await postNotification(request, { to: [{ externalId: user }], title: `Dark 2 ${run}`, priority: 'high' });
  await expect(badge(page)).toHaveText('2');
  await feed(page).getByTestId('notification-item').filter({ hasText: `Dark 1 ${run}` }).getByRole('button', { name: 'Mark as read' }).click();
  await expect(badge(page)).toHaveText('1');
  expect(await seriousViolations(page)).toEqual([]);
  await bell(page).click();
  await expect(popover(page).getByTestId('notification-item')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Preferences' }).click();
  await expect(page.getByRole('switch', { name: 'Email notifications' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('pages, filters, read and unread, archive, mark all read; a path action URL opens once marked read', async ({ page, request }) => {
  const user = `rx-feed-${run}`;
  await openHost(page, user, { query: '?pageSize=2' });
  for (let i = 1; i <= 5; i++) await postNotification(request, { to: [{ externalId: user }], title: `Feed ${i} ${run}`, category: i === 2 ? 'billing' : undefined });
  await expect(badge(page)).toHaveText('5');
  await page.reload();
  // Pages of two, loaded as the list scrolls into view (or with "Load more"): all five, in order, once each.
  await expect(feedTitles(page)).toHaveText([5, 4, 3, 2, 1].map((i) => new RegExp(`Feed ${i} ${run}`)));

  const row = (i: number) => feed(page).getByTestId('notification-item').filter({ hasText: `Feed ${i} ${run}` });
  await row(3).getByRole('button', { name: 'Mark as read' }).click();
  await expect(row(3)).toHaveAttribute('data-read', 'true');
  await expect(badge(page)).toHaveText('4');
  await row(3).getByRole('button', { name: 'Mark as unread' }).click();
  await expect(row(3)).toHaveAttribute('data-read', 'false');
  await expect(badge(page)).toHaveText('5');
  await row(1).getByRole('button', { name: 'Archive' }).click();
  await expect(row(1)).toHaveCount(0);
  await expect(badge(page)).toHaveText('4');

  await feed(page).getByRole('tab', { name: /Archived/ }).click();
  await expect(feedTitles(page)).toHaveText([new RegExp(`Feed 1 ${run}`)]);
  await feed(page).getByRole('tab', { name: /All/ }).click();
  await feed(page).getByLabel('Category').selectOption('billing');
  await expect(feedTitles(page)).toHaveText([new RegExp(`Feed 2 ${run}`)]);
  await feed(page).getByLabel('Category').selectOption('');
  await expect(feedTitles(page)).toHaveCount(4);

  await feed(page).getByRole('button', { name: 'Mark all as read' }).click();
  await expect(badge(page)).toBeHidden();
  await expect(feed(page).locator('[data-testid="notification-item"][data-read="false"]')).toHaveCount(0);

  // A path is the host's own page: followed in the same tab once the item is marked read.
  await postNotification(request, { to: [{ externalId: user }], title: `Order ${run}`, actionUrl: '/orders/42' });
  await expect(badge(page)).toHaveText('1');
  // Clicked on its text, as a person does: the link's first box is its 1 px "Unread:" label for screen
  // readers, whose centre (where Playwright clicks by default) lies just outside the link.
  const link = feed(page).getByRole('link', { name: new RegExp(`Order ${run}`) });
  const box = (await link.boundingBox())!;
  await link.click({ position: { x: box.width - 8, y: box.height / 2 } });
  await expect(page).toHaveURL(`${host.url}/orders/42`);
  await page.goto(`${host.url}/react`);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');
  await expect(feedTitles(page).first()).toHaveText(new RegExp(`Order ${run}`));
  await expect(badge(page)).toBeHidden();
});

test('offline, 3 posted, back online: all 3 appear once, in order, with an exact badge', async ({ page, context, request }) => {
  const user = `rx-offline-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Before ${run}` });
  await expect(badge(page)).toHaveText('1');
  await bell(page).click();

  await context.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  for (const n of [1, 2, 3]) await postNotification(request, { to: [{ externalId: user }], title: `Missed ${n} ${run}` });
  await context.setOffline(false);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');

  const expected = [`Missed 3 ${run}`, `Missed 2 ${run}`, `Missed 1 ${run}`, `Before ${run}`].map((t) => new RegExp(t));
  await expect(badge(page)).toHaveText('4');
  await expect(feedTitles(page)).toHaveText(expected);
  await expect(popover(page).locator('.notification__title')).toHaveText(expected);
});

test('read in the host page shows read in the FlashNotify app for the same user', async ({ page, browser, request }) => {
  // A CLI process (tsx + migrations) and a password set and used: slow on a busy machine.
  test.slow();
  const user = `rx-read-${run}`;
  await openHost(page, user);
  const { app, context } = await signInToAppAsHostUser(browser, `${user}@host.example`, flashnotify);

  await postNotification(request, { to: [{ externalId: user }], title: `Shared ${run}` });
  const inApp = app.getByTestId('notification-item').filter({ hasText: `Shared ${run}` });
  await expect(inApp).toHaveAttribute('data-read', 'false');
  await expect(badge(page)).toHaveText('1');

  await feed(page).getByTestId('notification-item').filter({ hasText: `Shared ${run}` }).getByRole('button', { name: 'Mark as read' }).click();
  await expect(badge(page)).toBeHidden();
  await expect(inApp).toHaveAttribute('data-read', 'true');
  await expect(app.getByTestId('unread-badge')).toHaveCount(0);
  await context.close();
});

test('an expired token is refused: a signed-out state, no data', async ({ page, request }) => {
  const user = `rx-expired-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Secret ${run}` });
  await expect(badge(page)).toHaveText('1');

  // Only the new page's requests: the previous page's may still be answered after this listener is added.
  const inboxResponses: { url: string; status: number }[] = [];
  page.on('response', (res) => {
    if (res.url().startsWith(`${flashnotify}/api/`) && res.request().method() !== 'OPTIONS' && res.frame().url().includes('ttl=')) {
      inboxResponses.push({ url: res.url(), status: res.status() });
    }
  });
  // The host's backend now signs tokens that expired two minutes ago (beyond the 30 s of clock skew).
  await page.goto(`${host.url}/react?ttl=-120`);
  await expect(feed(page).getByTestId('fn-signed-out')).toHaveText('Sign in to see your notifications.');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread, signed out');
  await expect(page.getByText(`Secret ${run}`)).toHaveCount(0);
  await expect(badge(page)).toBeHidden();
  expect(inboxResponses.length).toBeGreaterThan(0);
  expect(inboxResponses.filter((response) => response.status !== 401)).toEqual([]);
});

test('when the host’s signed-in user changes (another tab), the components show only the new user’s inbox', async ({ page, request }) => {
  const first = `rx-first-${run}`;
  const second = `rx-second-${run}`;
  await openHost(page, second, { connected: false }); // creates the second user in FlashNotify
  // 8 s tokens: the provider asks the host again 6 s in, and learns who is signed in now.
  await openHost(page, first, { query: '?ttl=8' });
  // The first user's inbox has changed more often: its counts' version is ahead of the second user's, which
  // a cache kept across the switch would take for older and drop.
  for (let i = 0; i < 4; i++) await postNotification(request, { to: [{ externalId: first }], title: `First's earlier ${i} ${run}` });
  await postNotification(request, { to: [{ externalId: first }], title: `First's ${run}` });
  await postNotification(request, { to: [{ externalId: second }], title: `Second's ${run}` });
  await expect(badge(page)).toHaveText('5');
  await expect(feedTitles(page).first()).toHaveText(new RegExp(`First's ${run}`));

  // Another tab of this browser signs the host in as the second user (the cookie is shared).
  expect((await page.context().request.get(`${host.url}/sign-in?user=${second}`, { maxRedirects: 0 })).status()).toBe(303);
  await expect(feedTitles(page)).toHaveText([new RegExp(`Second's ${run}`)], { timeout: 15_000 });
  await expect(badge(page)).toHaveText('1');
  await postNotification(request, { to: [{ externalId: first }], title: `First's again ${run}` });
  await postNotification(request, { to: [{ externalId: second }], title: `Second's again ${run}` });
  await expect(feedTitles(page)).toHaveText([new RegExp(`Second's again ${run}`), new RegExp(`Second's ${run}`)]);
  await expect(badge(page)).toHaveText('2');
});

test('a path link clicked while offline is followed at once (the mark read is sent when back online)', async ({ page, context, request }) => {
  const user = `rx-offlink-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Order ${run}`, actionUrl: '/orders/7' });
  await expect(feedTitles(page)).toHaveText([new RegExp(`Order ${run}`)]);
  await context.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  // Offline the page load itself fails (Chromium's error page): what matters is that it is asked for now.
  const navigation = page.waitForRequest((req) => req.isNavigationRequest() && req.url() === `${host.url}/orders/7`, { timeout: 5_000 });
  await feedTitles(page).first().click();
  await navigation;
  await context.setOffline(false);
});

test('a React host page on an origin not in ALLOWED_ORIGINS gets nothing, even with a valid token', async ({ page, request }) => {
  const user = `rx-stranger-${run}`;
  let framesReceived = 0;
  page.on('websocket', (socket) => socket.on('framereceived', () => (framesReceived += 1)));
  const corsHeaders: (string | undefined)[] = [];
  page.on('response', (res) => {
    if (res.url().startsWith(`${flashnotify}/api/`)) corsHeaders.push(res.headers()['access-control-allow-origin']);
  });
  await openHost(page, user, { app: stranger, connected: false });
  await postNotification(request, { to: [{ externalId: user }], title: `Not for strangers ${run}` });

  // It says why, for the host's developer, and stops: no more requests.
  await expect(feed(page).getByTestId('fn-origin-not-allowed')).toContainText('ALLOWED_ORIGINS');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread, unavailable');
  await expect(page.getByText(`Not for strangers ${run}`)).toHaveCount(0);
  let laterRequests = 0;
  page.on('request', (req) => {
    if (req.url().startsWith(flashnotify)) laterRequests += 1;
  });
  await page.waitForTimeout(4_000);
  expect(laterRequests).toBe(0);
  expect(corsHeaders.every((header) => header === undefined)).toBe(true);
  expect(framesReceived).toBe(0);
});

test('a host’s own button deletes through useInboxClient, and undoes: the components follow live', async ({ page, request }) => {
  const user = `rx-client-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Keep ${run}` });
  await postNotification(request, { to: [{ externalId: user }], title: `Newest ${run}` });
  await expect(feedTitles(page)).toHaveText([new RegExp(`Newest ${run}`), new RegExp(`Keep ${run}`)]);
  await expect(badge(page)).toHaveText('2');

  await page.getByRole('button', { name: 'Delete the newest (host)' }).click();
  await expect(feedTitles(page)).toHaveText([new RegExp(`Keep ${run}`)]);
  await expect(badge(page)).toHaveText('1');
  await page.getByRole('button', { name: 'Undo the delete (host)' }).click();
  await expect(feedTitles(page)).toHaveText([new RegExp(`Newest ${run}`), new RegExp(`Keep ${run}`)]);
  await expect(badge(page)).toHaveText('2');
});
