import { expect, test, type Page } from '@playwright/test';
import { startHostApp, type HostApp } from '../fixtures/hostApp/hostApp.js';
import { seriousViolations } from './support/axe.js';
import { signInToAppAsHostUser } from './support/appUser.js';
import { E2E_API_KEY, E2E_HOST_PORT, E2E_USER_TOKEN_SECRET } from './support/constants.js';
import { postNotification } from './support/fixtures.js';

// Issue 10, section 4: `<flashnotify-inbox>` on a real host. FlashNotify (origin A) is the e2e server of
// playwright.config.ts, whose ALLOWED_ORIGINS lists the host app started here (origin B, E2E_HOST_PORT);
// a second copy of the host on a port nobody listed is the stranger (origin C). The host's backend signs
// user tokens with jose (tests/fixtures/hostApp), the page loads the element from A's /embed/flashnotify.js.

/** What the page saw of the element's events (recorded by an init script, with the page's clock). */
interface Recorded {
  notifications: { id: string; title: string; replayed: boolean; at: number }[];
  counts: { unread: number; at: number }[];
  /** `flashnotify:toast`, dispatched as the toast is put in the page. */
  toasts: { id: string | null; count: number; at: number }[];
  errors: string[];
  unauthorized: number;
}
declare const window: { __fn: Recorded };

const RECORDER = `
  window.__fn = { notifications: [], counts: [], toasts: [], errors: [], unauthorized: 0 };
  document.addEventListener('flashnotify:notification', (e) => window.__fn.notifications.push({ id: e.detail.notification.id, title: e.detail.notification.title, replayed: e.detail.replayed, at: Date.now() }));
  document.addEventListener('flashnotify:counts', (e) => window.__fn.counts.push({ unread: e.detail.unread, at: Date.now() }));
  document.addEventListener('flashnotify:toast', (e) => window.__fn.toasts.push({ id: e.detail.notification && e.detail.notification.id, count: e.detail.count, at: Date.now() }));
  document.addEventListener('flashnotify:error', (e) => window.__fn.errors.push(e.detail.code));
  document.addEventListener('flashnotify:unauthorized', () => { window.__fn.unauthorized += 1; });
`;

const flashnotify = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;
const run = Date.now().toString(36);
// Item times are in the browser's language (Intl.RelativeTimeFormat).
test.use({ locale: 'en-US' });
let host: HostApp;
let stranger: HostApp;
const recording = new WeakSet<Page>();

test.beforeAll(async () => {
  // With the API key the host creates its user in FlashNotify at sign-in (PUT /api/v1/users/{externalId}).
  const options = { flashnotifyUrl: flashnotify, secret: E2E_USER_TOKEN_SECRET, apiKey: E2E_API_KEY };
  host = await startHostApp({ ...options, port: E2E_HOST_PORT });
  stranger = await startHostApp(options);
});
test.afterAll(async () => {
  await host?.close();
  await stranger?.close();
});

const badge = (page: Page) => page.getByTestId('flashnotify-badge');
const connection = (page: Page) => page.getByTestId('flashnotify-connection');
const items = (page: Page) => page.getByTestId('flashnotify-item');
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, \d+ unread/ });
const toasts = (page: Page) => page.getByTestId('flashnotify-toast');
const notice = (page: Page) => page.getByTestId('flashnotify-notice');
const recorded = (page: Page) => page.evaluate(() => window.__fn);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Signs in to the host app as `user` (which creates them in FlashNotify) and opens its page with the element. */
async function openHost(page: Page, user: string, { app = host, query = '', connected = true } = {}): Promise<void> {
  if (!recording.has(page)) await page.addInitScript(RECORDER);
  recording.add(page);
  await page.goto(`${app.url}/sign-in?user=${user}`);
  if (query) await page.goto(`${app.url}/${query}`);
  if (connected) await expect(connection(page)).toHaveAttribute('data-state', 'connected');
}

test('a notification posted with the API key shows live in the host page: exact badge, toast, popover, no axe findings', async ({ page, request }) => {
  const user = `emb-live-${run}`;
  await openHost(page, user);
  await expect(badge(page)).toBeHidden();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread');

  // POST → the element's notification event, badge (counts) and toast, on the same machine's clock.
  const posts = 10;
  const samples: { event: number; badge: number; toast: number }[] = [];
  for (let i = 1; i <= posts; i++) {
    const posted = Date.now();
    const [id] = await postNotification(request, { to: [{ externalId: user }], title: `Live ${i} ${run}`, body: `Body <b>${i}</b>` });
    await expect(badge(page)).toHaveText(String(i));
    await expect(toasts(page).filter({ hasText: `Live ${i} ${run}` })).toContainText(`Body <b>${i}</b>`);
    const seen = await recorded(page);
    const arrived = seen.notifications.find((n) => n.id === id)!.at;
    const counted = seen.counts.find((c) => c.unread === i)!.at;
    const toasted = seen.toasts.find((t) => t.id === id)!.at;
    samples.push({ event: arrived - posted, badge: counted - posted, toast: toasted - posted });
  }
  console.log(
    `POST → host page (notification event/badge/toast) ms: ${samples.map((s) => `${s.event}/${s.badge}/${s.toast}`).join(', ')}; ` +
      `median over ${posts}: badge ${median(samples.map((s) => s.badge))} ms, toast ${median(samples.map((s) => s.toast))} ms`,
  );
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${posts} unread`);
  // Never more than three toasts at once (each goes after 4 s; the stacking order is checked with a fake clock below).
  expect(await toasts(page).count()).toBeLessThanOrEqual(3);
  // None took the focus.
  await expect(page.locator('body')).toBeFocused();

  // The popover: a dialog that takes focus, newest first, unread, text shown as text; Escape gives focus back.
  await bell(page).click();
  const dialog = page.getByRole('dialog', { name: 'Notifications' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await expect(toasts(page)).toHaveCount(0);
  await expect(page.locator('flashnotify-inbox .item-title')).toHaveText([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((i) => `Live ${i} ${run}`));
  await expect(items(page).first()).toHaveAttribute('data-read', 'false');
  await expect(items(page).first().locator('.item-text')).toHaveText('Body <b>10</b>');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bell(page)).toBeFocused();

  // A new one while open is prepended, without a toast (the open feed shows it); an outside click closes.
  await bell(page).click();
  const [whileOpen] = await postNotification(request, { to: [{ externalId: user }], title: `Live 11 ${run}` });
  await expect(page.locator('flashnotify-inbox .item-title').first()).toHaveText(`Live 11 ${run}`);
  await expect(badge(page)).toHaveText('11');
  expect((await recorded(page)).toasts.map((t) => t.id)).not.toContain(whileOpen);
  await page.getByRole('heading', { name: 'Host app' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toHaveCount(0);

  // Dark theme: the same scan, with a toast up.
  await page.goto(`${host.url}/?theme=dark`);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');
  await postNotification(request, { to: [{ externalId: user }], title: `Live 12 ${run}`, body: 'In the dark' });
  await expect(toasts(page)).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await bell(page).click();
  await expect(items(page)).toHaveCount(12);
  expect(await seriousViolations(page)).toEqual([]);
});

test('pages with "load more"; marks read and unread, archives, marks all read; an action URL opens and marks read', async ({ page, request }) => {
  const user = `emb-feed-${run}`;
  await openHost(page, user, { query: '?pageSize=2' });
  for (let i = 1; i <= 5; i++) await postNotification(request, { to: [{ externalId: user }], title: `Feed ${i} ${run}` });
  await expect(badge(page)).toHaveText('5');
  await page.reload();
  await bell(page).click();
  const titles = page.locator('flashnotify-inbox .item-title');
  await expect(titles).toHaveText([`Feed 5 ${run}`, `Feed 4 ${run}`]);
  const loadMore = page.getByRole('button', { name: 'Load more' });
  await loadMore.click();
  await expect(titles).toHaveCount(4);
  await loadMore.click();
  await expect(titles).toHaveText([5, 4, 3, 2, 1].map((i) => `Feed ${i} ${run}`));
  await expect(loadMore).toBeHidden();

  await page.getByRole('button', { name: `Mark as read: Feed 3 ${run}` }).click();
  await expect(items(page).nth(2)).toHaveAttribute('data-read', 'true');
  await expect(badge(page)).toHaveText('4');
  await page.getByRole('button', { name: `Mark as unread: Feed 3 ${run}` }).click();
  await expect(badge(page)).toHaveText('5');
  await page.getByRole('button', { name: `Archive: Feed 1 ${run}` }).click();
  await expect(titles).toHaveCount(4);
  await expect(badge(page)).toHaveText('4');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(badge(page)).toBeHidden();
  await expect(items(page).and(page.locator('[data-read="false"]'))).toHaveCount(0);

  // A path is the host's own page: followed in the same tab once the item is marked read.
  await postNotification(request, { to: [{ externalId: user }], title: `Order ${run}`, actionUrl: '/orders/42' });
  await expect(badge(page)).toHaveText('1');
  await page.getByRole('link', { name: new RegExp(`Order ${run}`) }).click();
  await expect(page).toHaveURL(`${host.url}/orders/42`);
  await page.goto(host.url);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');
  await expect(badge(page)).toBeHidden();
});

test('offline, 3 posted, back online: all 3 appear once, in order, with an exact badge', async ({ page, context, request }) => {
  const user = `emb-offline-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Before ${run}` });
  await expect(badge(page)).toHaveText('1');
  await bell(page).click();

  await context.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  await expect(connection(page)).toHaveText('Offline');
  for (const n of [1, 2, 3]) await postNotification(request, { to: [{ externalId: user }], title: `Missed ${n} ${run}` });
  await context.setOffline(false);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');

  await expect(badge(page)).toHaveText('4');
  await expect(page.locator('flashnotify-inbox .item-title')).toHaveText([`Missed 3 ${run}`, `Missed 2 ${run}`, `Missed 1 ${run}`, `Before ${run}`]);
  const seen = await recorded(page);
  expect(seen.notifications.map((n) => n.title)).toEqual([`Before ${run}`, `Missed 1 ${run}`, `Missed 2 ${run}`, `Missed 3 ${run}`]);
  expect(seen.notifications.slice(1).every((n) => n.replayed)).toBe(true);
});

test('toasts: near the bell in live regions, newest first, at most 3; critical ones stay; links open and mark read; a summary after a reconnect; toasts="off"', async ({ page, context, request }) => {
  // A fake clock, so "after a toast's 4 s" needs no real waiting.
  await page.clock.install();
  const user = `emb-toast-${run}`;
  await openHost(page, user);
  const toast = (title: string) => toasts(page).filter({ hasText: title });
  const send = (title: string, extra: { body?: string; priority?: 'critical'; actionUrl?: string } = {}) =>
    postNotification(request, { to: [{ externalId: user }], title, ...(extra.priority ? { category: 'security' } : {}), ...extra });

  // A body excerpt on one line (whitespace collapsed, cut on a word with "…"); a polite live region; themable.
  await send(`Routine ${run}`, { body: `Line one\n\nline two ${'word '.repeat(40)}` });
  await expect(toast(`Routine ${run}`).locator('.toast-text')).toHaveText(/^Line one line two word (word )+word…$/);
  expect(await toast(`Routine ${run}`).evaluate((el) => el.parentElement!.getAttribute('aria-live'))).toBe('polite');
  await page.addStyleTag({ content: 'flashnotify-inbox::part(toast) { outline: 3px solid rgb(255, 0, 0); }' });
  await expect(toast(`Routine ${run}`)).toHaveCSS('outline-color', 'rgb(255, 0, 0)');
  await send(`Breach ${run}`, { priority: 'critical' });
  await expect(toast(`Breach ${run}`)).toHaveAttribute('data-priority', 'critical');
  expect(await toast(`Breach ${run}`).evaluate((el) => el.parentElement!.getAttribute('aria-live'))).toBe('assertive');
  await expect(page.locator('body')).toBeFocused();

  // Far beyond 4 s (the pointer is elsewhere: hovering pauses them): the routine one went, the critical one stays.
  await page.mouse.move(5, 5);
  await page.clock.runFor(30_000);
  await expect(toast(`Routine ${run}`)).toHaveCount(0);
  await expect(toast(`Breach ${run}`)).toBeVisible();

  // At most three: a fourth replaces the oldest that is not critical; the critical one stays on top.
  for (const n of [1, 2, 3]) {
    await send(`Stack ${n} ${run}`);
    await expect(toast(`Stack ${n} ${run}`)).toBeVisible();
  }
  await expect(toasts(page).locator('.toast-title')).toHaveText([`Breach ${run}`, `Stack 3 ${run}`, `Stack 2 ${run}`]);
  await toast(`Breach ${run}`).getByRole('button', { name: `Dismiss: Breach ${run}` }).click();
  await expect(toast(`Breach ${run}`)).toHaveCount(0);
  // The others moved up under the pointer, which pauses them: away from it, they go.
  await page.clock.runFor(30_000);
  await expect(toasts(page)).toHaveCount(2);
  await page.mouse.move(5, 5);
  await page.clock.runFor(30_000);
  await expect(toasts(page)).toHaveCount(0);

  // Offline while 3 arrive (one critical): back online, one summary that stays, not three toasts.
  await context.setOffline(true);
  await expect(connection(page)).toHaveAttribute('data-state', 'offline');
  await send(`Missed 1 ${run}`);
  await send(`Missed 2 ${run}`, { priority: 'critical' });
  await send(`Missed 3 ${run}`);
  await context.setOffline(false);
  await expect(connection(page)).toHaveAttribute('data-state', 'connected');
  const summary = toast('3 new notifications while you were away');
  await expect(summary).toContainText('1 critical');
  await expect(toasts(page)).toHaveCount(1);
  await page.clock.runFor(30_000);
  await expect(summary).toBeVisible();
  // Its click shows the feed.
  await summary.locator('.toast-main').click();
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible();
  await expect(summary).toHaveCount(0);
  await page.keyboard.press('Escape');

  // toasts="off": no toast (the event and the badge still come).
  await page.locator('flashnotify-inbox').evaluate((el) => el.setAttribute('toasts', 'off'));
  const [quiet] = await send(`Quiet ${run}`);
  await expect.poll(async () => (await recorded(page)).notifications.some((n) => n.id === quiet)).toBe(true);
  await expect(toasts(page)).toHaveCount(0);
  expect((await recorded(page)).toasts.map((t) => t.id)).not.toContain(quiet);
  await page.locator('flashnotify-inbox').evaluate((el) => el.removeAttribute('toasts'));

  // A toast's link is the host's page: followed once the item is marked read, like a feed row.
  await send(`Order ${run}`, { actionUrl: '/orders/7' });
  await toast(`Order ${run}`).getByRole('link').click();
  await expect(page).toHaveURL(`${host.url}/orders/7`);
  await page.goto(host.url);
  await bell(page).click();
  await expect(items(page).filter({ hasText: `Order ${run}` })).toHaveAttribute('data-read', 'true');
});

test('a mark that fails is undone and said so in the popover; the next one works', async ({ page, request }) => {
  const user = `emb-fail-${run}`;
  await openHost(page, user);
  for (const n of [1, 2]) await postNotification(request, { to: [{ externalId: user }], title: `Fail ${n} ${run}` });
  await expect(badge(page)).toHaveText('2');
  await bell(page).click();
  const row = (n: number) => items(page).filter({ hasText: `Fail ${n} ${run}` });

  // The first PATCH is held until the optimistic change is seen, then answered 500.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let patches = 0;
  await page.route(`${flashnotify}/api/notifications/*`, async (route) => {
    if (route.request().method() !== 'PATCH' || ++patches > 1) return route.fallback();
    await held;
    await route.fulfill({ status: 500, headers: { 'access-control-allow-origin': host.url }, contentType: 'application/json', body: '{"error":"internal"}' });
  });
  await page.getByRole('button', { name: `Mark as read: Fail 2 ${run}` }).click();
  await expect(row(2)).toHaveAttribute('data-read', 'true');
  await expect(badge(page)).toHaveText('1');
  release();
  await expect(row(2)).toHaveAttribute('data-read', 'false');
  await expect(badge(page)).toHaveText('2');
  await expect(notice(page)).toHaveText('Could not update the notification. Please try again.');
  await expect(notice(page)).toHaveRole('status');
  await page.getByRole('button', { name: `Mark as read: Fail 2 ${run}` }).click();
  await expect(notice(page)).toBeHidden();
  await expect(row(2)).toHaveAttribute('data-read', 'true');
  await expect(badge(page)).toHaveText('1');

  // A network failure: the archived row comes back.
  await page.route(`${flashnotify}/api/notifications/*`, (route) => (route.request().method() === 'PATCH' ? route.abort('failed') : route.fallback()), { times: 1 });
  await page.getByRole('button', { name: `Archive: Fail 1 ${run}` }).click();
  await expect(notice(page)).toHaveText('Could not update the notification. Please try again.');
  await expect(row(1)).toHaveAttribute('data-read', 'false');
  await expect(badge(page)).toHaveText('1');

  // Mark all as read, refused: both rows as they were.
  await page.route(`${flashnotify}/api/notifications/read-all`, (route) =>
    route.request().method() === 'POST' ? route.fulfill({ status: 503, headers: { 'access-control-allow-origin': host.url }, body: '' }) : route.fallback(),
  );
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(notice(page)).toHaveText('Could not mark everything as read. Please try again.');
  await expect(row(1)).toHaveAttribute('data-read', 'false');
  await expect(row(2)).toHaveAttribute('data-read', 'true');
  await expect(badge(page)).toHaveText('1');
  // Closing the popover clears the message.
  await page.keyboard.press('Escape');
  await bell(page).click();
  await expect(notice(page)).toBeHidden();
});

test('item times say how long ago (absolute time in the title) and keep counting while the popover is open', async ({ page, request }) => {
  await page.clock.install();
  const user = `emb-time-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Timed ${run}` });
  await expect(badge(page)).toHaveText('1');
  await bell(page).click();
  const time = items(page).first().getByTestId('flashnotify-time');
  await expect(time).toHaveText('now');
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  await expect(time).toHaveAttribute('title', /\d/);
  // Two and a half minutes later, the popover still open: no re-render but the element's own tick.
  await page.clock.fastForward('02:30');
  await expect(time).toHaveText('2 minutes ago');
});

test('read in the host page shows read in the FlashNotify app for the same user', async ({ page, browser, request }) => {
  // A CLI process (tsx + migrations) and a password set and used: slow on a busy machine.
  test.slow();
  const user = `emb-read-${run}`;
  await openHost(page, user);

  // The same person in FlashNotify's own app: the host created them (PUT /api/v1/users, email
  // <user>@host.example; a demo user's email cannot be claimed by PUT: 409 email_taken), an admin gives
  // them a password link, they sign in there in another browser.
  const { app, context: appContext } = await signInToAppAsHostUser(browser, `${user}@host.example`, flashnotify);

  await postNotification(request, { to: [{ externalId: user }], title: `Shared ${run}` });
  const inApp = app.getByTestId('notification-item').filter({ hasText: `Shared ${run}` });
  await expect(inApp).toHaveAttribute('data-read', 'false');
  await expect(badge(page)).toHaveText('1');

  await bell(page).click();
  await page.getByRole('button', { name: `Mark as read: Shared ${run}` }).click();
  await expect(badge(page)).toBeHidden();
  await expect(inApp).toHaveAttribute('data-read', 'true');
  await expect(app.getByTestId('unread-badge')).toHaveCount(0);
  await appContext.close();
});

test('an expired token is refused: flashnotify:unauthorized, a signed-out state, no data', async ({ page, request }) => {
  const user = `emb-expired-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Secret ${run}` });
  await expect(badge(page)).toHaveText('1');

  const inboxStatuses: number[] = [];
  page.on('response', (res) => {
    if (res.url().startsWith(`${flashnotify}/api/notifications`) && res.request().method() !== 'OPTIONS' && res.frame().url().includes('ttl=')) {
      inboxStatuses.push(res.status());
    }
  });
  // The host's backend now signs tokens that expired two minutes ago (beyond the 30 s of clock skew).
  await page.goto(`${host.url}/?ttl=-120`);
  await expect.poll(async () => (await recorded(page)).unauthorized).toBeGreaterThanOrEqual(1);
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread, signed out');
  await bell(page).click();
  await expect(page.getByTestId('flashnotify-message')).toHaveText('Sign in to see your notifications.');
  await expect(items(page)).toHaveCount(0);
  await expect(badge(page)).toBeHidden();
  const seen = await recorded(page);
  expect(seen.notifications).toEqual([]);
  expect(seen.counts).toEqual([]);
  expect(inboxStatuses.length).toBeGreaterThan(0);
  expect(inboxStatuses.every((status) => status === 401)).toBe(true);
});

test('a host token route failing for a moment (502 during a deploy) is retried, not taken for a sign-out', async ({ page, request }) => {
  const user = `emb-flaky-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Kept ${run}` });
  await expect(badge(page)).toHaveText('1');

  // The next page load finds the host's backend restarting: its first 3 token requests fail.
  let failures = 3;
  await page.route(`${host.url}/token*`, (route) => (failures-- > 0 ? route.fulfill({ status: 502, body: 'Bad Gateway' }) : route.continue()));
  await page.reload();
  await expect(connection(page)).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  expect(failures).toBeLessThan(0);
  await expect(badge(page)).toHaveText('1');
  await bell(page).click();
  await expect(items(page).filter({ hasText: `Kept ${run}` })).toHaveCount(1);
  expect((await recorded(page)).unauthorized).toBe(0);

  // The host's session ended elsewhere (its token route answers 401 to this page): that is final.
  await page.unroute(`${host.url}/token*`);
  await page.route(`${host.url}/token*`, (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"signed_out"}' }));
  await page.reload();
  await expect.poll(async () => (await recorded(page)).unauthorized).toBeGreaterThanOrEqual(1);
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread, signed out');
});

test('when the host’s signed-in user changes (another tab), the element shows only the new user’s inbox', async ({ page, request }) => {
  const first = `emb-first-${run}`;
  const second = `emb-second-${run}`;
  await openHost(page, second, { connected: false }); // creates the second user in FlashNotify
  // 8 s tokens: the element asks the host again 6 s in, and learns who is signed in now.
  await openHost(page, first, { query: '?ttl=8' });
  await postNotification(request, { to: [{ externalId: first }], title: `First's ${run}` });
  await postNotification(request, { to: [{ externalId: second }], title: `Second's ${run}` });
  await expect(badge(page)).toHaveText('1');

  // Another tab of this browser signs the host in as the second user (the cookie is shared).
  expect((await page.context().request.get(`${host.url}/sign-in?user=${second}`, { maxRedirects: 0 })).status()).toBe(303);
  await bell(page).click();
  await expect(items(page).filter({ hasText: `Second's ${run}` })).toHaveCount(1, { timeout: 15_000 });
  await expect(items(page).filter({ hasText: `First's ${run}` })).toHaveCount(0);
  await expect(badge(page)).toHaveText('1');
  await postNotification(request, { to: [{ externalId: first }], title: `First's again ${run}` });
  await postNotification(request, { to: [{ externalId: second }], title: `Second's again ${run}` });
  await expect(items(page).filter({ hasText: `Second's again ${run}` })).toHaveCount(1);
  await expect(badge(page)).toHaveText('2');
  await expect(items(page).filter({ hasText: `First's again ${run}` })).toHaveCount(0);
});

test('with long-lived tokens, a tab coming back into view learns that the host’s user changed meanwhile', async ({ page, request }) => {
  const first = `emb-vis-a-${run}`;
  const second = `emb-vis-b-${run}`;
  await openHost(page, second, { connected: false });
  await openHost(page, first); // 10-minute tokens: no renewal for minutes
  await postNotification(request, { to: [{ externalId: first }], title: `Only first's ${run}` });
  await expect(badge(page)).toHaveText('1');
  expect((await page.context().request.get(`${host.url}/sign-in?user=${second}`, { maxRedirects: 0 })).status()).toBe(303);
  // The tab is shown again (as after switching back to it), past the element's 5 s re-check interval.
  await page.waitForTimeout(5_500);
  await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
  await expect(badge(page)).toBeHidden();
  await postNotification(request, { to: [{ externalId: first }], title: `First's later ${run}` });
  await postNotification(request, { to: [{ externalId: second }], title: `Second's ${run}` });
  await expect(badge(page)).toHaveText('1');
  await bell(page).click();
  await expect(items(page)).toHaveText([new RegExp(`Second's ${run}`)]);
});

test('an admin moves the host’s id to another account: the element shows that account, with its exact badge', async ({ page, request, browser }) => {
  const hostId = `emb-moved-${run}`;
  const other = `emb-target-${run}`;
  await openHost(page, other, { connected: false });
  await openHost(page, hostId);
  for (let i = 0; i < 6; i++) await postNotification(request, { to: [{ externalId: hostId }], title: `First account ${i} ${run}` });
  for (let i = 0; i < 2; i++) await postNotification(request, { to: [{ externalId: other }], title: `Second account ${i} ${run}` });
  await expect(badge(page)).toHaveText('6');

  const adminContext = await browser.newContext({ baseURL: flashnotify });
  try {
    const admin = adminContext.request;
    const login = await admin.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'flashnotify' } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const idOf = async (externalId: string) =>
      ((await (await admin.get(`/api/v1/users/${externalId}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } })).json()) as { id: string }).id;
    const [firstId, secondId] = [await idOf(hostId), await idOf(other)];
    const link = async (userId: string, externalId: string | null) =>
      expect((await admin.put(`/api/admin/users/${userId}/external-id`, { headers: { 'x-csrf-token': csrfToken }, data: { externalId } })).status()).toBe(200);
    await link(firstId, null);
    await link(secondId, hostId);
  } finally {
    await adminContext.close();
  }
  await postNotification(request, { to: [{ externalId: hostId }], title: `Second account, after the move ${run}` });
  await bell(page).click();
  await expect(items(page)).toHaveCount(3);
  await expect(badge(page)).toHaveText('3');
  await expect(items(page).filter({ hasText: `First account` })).toHaveCount(0);
});

test('a host page on an origin not in ALLOWED_ORIGINS gets nothing, even with a valid token, and says why', async ({ page, request }) => {
  const user = `emb-stranger-${run}`;
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('<flashnotify-inbox>')) consoleErrors.push(message.text());
  });
  let framesReceived = 0;
  page.on('websocket', (socket) => socket.on('framereceived', () => (framesReceived += 1)));
  const corsHeaders: (string | undefined)[] = [];
  page.on('response', (res) => {
    if (res.url().startsWith(`${flashnotify}/api/`)) corsHeaders.push(res.headers()['access-control-allow-origin']);
  });
  await openHost(page, user, { app: stranger, connected: false });
  await postNotification(request, { to: [{ externalId: user }], title: `Not for strangers ${run}` });

  // FlashNotify answers the page (its script loads) but not its API: a final state, said to the host's developers.
  await expect(connection(page)).toHaveAttribute('data-state', 'origin-not-allowed');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 unread, not available on this page');
  await bell(page).click();
  await expect(page.getByTestId('flashnotify-message')).toHaveText(
    `This page’s origin (${stranger.url}) is not allowed to use this inbox: add it to FlashNotify’s ALLOWED_ORIGINS.`,
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toBeHidden();
  expect((await recorded(page)).errors).toEqual(['origin_not_allowed']);
  // …and it stopped: no request or socket to FlashNotify in 6 s (the socket's backoff is at most 5 s).
  let attempts = 0;
  page.on('request', (req) => void (req.url().startsWith(flashnotify) && (attempts += 1)));
  page.on('websocket', () => void (attempts += 1));
  await page.waitForTimeout(6_000);
  expect(attempts).toBe(0);
  expect(consoleErrors).toHaveLength(1);
  expect(consoleErrors[0]).toContain('ALLOWED_ORIGINS');
  await expect(items(page)).toHaveCount(0);
  await expect(badge(page)).toBeHidden();
  // The page's own fetch with a valid token from its backend is refused by the browser (no CORS header).
  const verdict = await page.evaluate(async (base) => {
    const { token } = (await (await fetch('/token')).json()) as { token: string };
    return fetch(`${base}/api/notifications`, { headers: { authorization: `Bearer ${token}` } }).then(
      () => 'read',
      () => 'blocked',
    );
  }, flashnotify);
  expect(verdict).toBe('blocked');
  // Why the element probes the embed script (CORS, `*`) and not a no-cors /api/health: helmet's
  // Cross-Origin-Resource-Policy: same-origin makes the browser refuse that from every other origin.
  const health = await page.evaluate((base) => fetch(`${base}/api/health`, { mode: 'no-cors' }).then(() => 'answered', () => 'blocked'), flashnotify);
  expect(health).toBe('blocked');
  expect(corsHeaders.every((header) => header === undefined)).toBe(true);
  expect(framesReceived).toBe(0);
  const seen = await recorded(page);
  expect(seen.notifications).toEqual([]);
  expect(seen.counts).toEqual([]);
});

test('speaks its locale attribute’s language (French here), the browser’s without one, and switches live', async ({ page, request }) => {
  const user = `emb-fr-${run}`;
  await openHost(page, user, { query: '?locale=fr' });
  await expect(page.getByRole('button', { name: 'Notifications, 0 non lue' })).toBeVisible();
  await postNotification(request, { to: [{ externalId: user }], title: 'Colis expédié' });
  await expect(page.getByRole('button', { name: 'Notifications, 1 non lue' })).toBeVisible();

  await page.getByRole('button', { name: /^Notifications, / }).click();
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marquer comme lue : Colis expédié' })).toBeVisible();
  await expect(page.getByTestId('flashnotify-time')).toHaveText('maintenant');
  await expect(page.locator('flashnotify-inbox')).toHaveAttribute('lang', 'fr');

  // The host changes the attribute: the open popover and the bell follow at once.
  await page.locator('flashnotify-inbox').evaluate((element) => element.setAttribute('locale', 'en-GB'));
  await expect(page.getByRole('button', { name: 'Mark as read: Colis expédié' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeVisible();
  // Without the attribute it speaks the browser's language (en-US in this file).
  await page.locator('flashnotify-inbox').evaluate((element) => element.removeAttribute('locale'));
  await expect(page.locator('flashnotify-inbox')).toHaveAttribute('lang', 'en-US');
});
