import { expect, test, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';
import { e2eReadToken } from './support/signing.js';

// The browser-side names used inside page.evaluate / worker.evaluate (this tsconfig has no DOM lib).
interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  requireInteraction: boolean;
  data: unknown;
}
interface Registration {
  active: { state: string } | null;
  getNotifications(filter?: { tag?: string }): Promise<ShownNotification[]>;
}
declare const navigator: { serviceWorker: { ready: Promise<Registration> } };
declare const self: { registration: Registration; dispatchEvent(event: unknown): boolean };
declare const NotificationEvent: new (type: string, init: { notification: ShownNotification }) => unknown;

// Granted up front: the push handler must be able to show notifications without a prompt.
test.use({ permissions: ['notifications'] });

/** The active service worker of the page's origin, as Playwright sees it (runs code inside it). */
async function activeWorker(context: BrowserContext, page: Page): Promise<Worker> {
  // `ready` resolves as soon as the registration has an active worker, which may still be activating.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js')) ?? (await context.waitForEvent('serviceworker'));
  expect(worker.url()).toMatch(/\/sw\.js$/);
  return worker;
}

/** The DevTools registration id of the origin's worker (`ServiceWorker.workerRegistrationUpdated`). */
async function registrationId(cdp: CDPSession, origin: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (live) resolve(live.registrationId);
    });
  });
  // Enabling replays the current registrations as events.
  await cdp.send('ServiceWorker.enable');
  return found;
}

/**
 * Delivers `payload` to the page's service worker as a push message (DevTools' `deliverPushMessage`) and
 * resolves once the worker's push event has finished, i.e. the promise it passed to `waitUntil` settled,
 * with the status Chromium logs for it (`Success`; otherwise the promise rejected or timed out).
 *
 * Read the shown notifications only after this, never while the worker is showing one: Chromium's
 * `getNotifications()` drops every stored notification that the platform is not displaying yet and that
 * was created before the call began (its display-synchronization step), so a read that overlaps the
 * worker's `showNotification()` deletes that notification for good. Polling during the push did exactly
 * that now and then under load (an empty list for the whole 10 s; the push event had succeeded).
 */
async function deliverPush(context: BrowserContext, page: Page, payload: object): Promise<string> {
  const origin = new URL(page.url()).origin;
  const cdp = await context.newCDPSession(page);
  const registration = await registrationId(cdp, origin);
  const completed = new Promise<string>((resolve) => {
    cdp.on('BackgroundService.backgroundServiceEventReceived', ({ backgroundServiceEvent: event }) => {
      if (event.eventName !== 'Push event completed' || event.serviceWorkerRegistrationId !== registration) return;
      resolve(event.eventMetadata.find((m) => m.key === 'Status')?.value ?? 'no status');
    });
  });
  await cdp.send('BackgroundService.startObserving', { service: 'pushMessaging' });
  await cdp.send('BackgroundService.setRecording', { service: 'pushMessaging', shouldRecord: true });
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registration, data: JSON.stringify(payload) });
  return completed;
}

/** Notifications the page's registration is showing: title, body, tag, data (read once the push event finished). */
function shownNotifications(page: Page) {
  return page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      data: n.data as { url: string; readToken: string },
    })),
  );
}

test('the service worker shows a push message delivered through the DevTools protocol', async ({ context, page, baseURL }) => {
  await signIn(page, 'alice@example.com');
  await activeWorker(context, page);
  const origin = new URL(baseURL!).origin;
  const payload = {
    id: 'e2e-push-1',
    title: 'Disk almost full',
    body: 'db-1 is at 95%',
    url: `${origin}/settings/devices`,
    category: 'deploys',
    priority: 'critical',
    readToken: 'not-a-real-token',
  };

  const started = Date.now();
  expect(await deliverPush(context, page, payload)).toBe('Success');
  console.log(`[measure] deliverPushMessage → push event finished: ${Date.now() - started} ms`);

  expect(await shownNotifications(page)).toContainEqual({
    title: 'Disk almost full',
    body: 'db-1 is at 95%',
    tag: 'e2e-push-1',
    requireInteraction: true,
    data: { id: 'e2e-push-1', url: payload.url, readToken: 'not-a-real-token', actions: [] },
  });
});

test('a click on a push notification opens its URL in the app window and closes it', async ({ context, page, baseURL }) => {
  await signIn(page, 'bob@example.com');
  const worker = await activeWorker(context, page);
  const origin = new URL(baseURL!).origin;
  const payload = { id: 'e2e-push-2', title: 'Open devices', body: '', url: `${origin}/settings/devices`, category: 'deploys', priority: 'normal', readToken: 'x.y' };
  expect(await deliverPush(context, page, payload)).toBe('Success');
  expect((await shownNotifications(page)).map((n) => n.tag)).toContain('e2e-push-2');

  // DevTools cannot click a system notification: dispatch the same event the browser would, inside the worker.
  // (An untrusted event cannot extend its lifetime, so waitUntil throws there; the handler's work still runs.)
  const readRequest = context.waitForEvent('request', { predicate: (req) => req.url().endsWith('/api/push-actions/read'), timeout: 5000 });
  await worker.evaluate(async (tag) => {
    const [notification] = await self.registration.getNotifications({ tag });
    self.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }));
  }, 'e2e-push-2');

  await expect(page).toHaveURL(`${origin}/settings/devices`);
  await expect(page.getByRole('heading', { name: 'Push notifications' })).toBeVisible();
  await expect.poll(async () => (await shownNotifications(page)).map((n) => n.tag)).not.toContain('e2e-push-2');
  // The worker posted the payload's token (a fake one here: the server answers 400; the integration test
  // covers a genuine token marking the notification read).
  const read = await readRequest;
  expect(read.serviceWorker()).not.toBeNull();
  expect(read.postDataJSON()).toEqual({ token: 'x.y' });
  expect((await read.response())?.status()).toBe(400);
});

test('a minimal payload (sent after a 413) is completed with the details fetched with its token', async ({ context, page, request }) => {
  await signIn(page, 'alice@example.com');
  await activeWorker(context, page);
  const { user } = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };
  const body = `The primary of db-1 stopped answering at 09:14. ${'Replica lag and connection counts follow. '.repeat(60)}`;
  const sent = await request.post('/api/v1/notifications', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: { to: [{ userId: user.id }], title: 'Primary database unreachable: failover started', body, actionUrl: '/settings/devices' },
  });
  expect(sent.status()).toBe(202);
  const notificationId = ((await sent.json()) as { notificationIds: string[] }).notificationIds[0]!;
  const minimal = {
    minimal: true,
    id: notificationId,
    title: 'Primary database unreachable: fail…',
    priority: 'critical',
    readToken: e2eReadToken({ userId: user.id, notificationId }),
  };

  const detailsRequest = context.waitForEvent('request', { predicate: (req) => req.url().endsWith('/api/push-actions/details') });
  expect(await deliverPush(context, page, minimal)).toBe('Success');

  const fetched = await detailsRequest;
  expect(fetched.serviceWorker()).not.toBeNull();
  expect(fetched.postDataJSON()).toEqual({ token: minimal.readToken });
  expect(await shownNotifications(page)).toContainEqual({
    title: 'Primary database unreachable: failover started',
    body,
    tag: notificationId,
    requireInteraction: false,
    // The server builds links from PUBLIC_URL (unset here: http://localhost:<port>).
    data: { id: notificationId, url: expect.stringMatching(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/settings\/devices$/), readToken: minimal.readToken, actions: [] },
  });
});

test('a minimal payload whose details cannot be fetched shows what it has', async ({ context, page }) => {
  await signIn(page, 'bob@example.com');
  await activeWorker(context, page);
  // The server writes the fallback line in the recipient's language (`hint`).
  const minimal = { minimal: true, id: 'e2e-push-minimal', title: 'Carte refusée', priority: 'critical', readToken: 'not.genuine', hint: 'Ouvrez FlashNotify pour lire le message complet.' };
  const detailsRequest = context.waitForEvent('request', { predicate: (req) => req.url().endsWith('/api/push-actions/details') });
  expect(await deliverPush(context, page, minimal)).toBe('Success');
  // The worker did ask (the server refuses this token), so what is shown is the fallback under test.
  expect((await detailsRequest).postDataJSON()).toEqual({ token: 'not.genuine' });
  expect(await shownNotifications(page)).toContainEqual({
    title: 'Carte refusée',
    body: 'Ouvrez FlashNotify pour lire le message complet.',
    tag: 'e2e-push-minimal',
    requireInteraction: true,
    data: { id: 'e2e-push-minimal', url: undefined, readToken: 'not.genuine', actions: [] },
  });
});

test('a click on a link the server would not have built (not in canonical form) opens the inbox instead', async ({ context, page, baseURL }) => {
  await signIn(page, 'alice@example.com');
  const worker = await activeWorker(context, page);
  const origin = new URL(baseURL!).origin;
  // Tab inside: a parser repairs it to //evil.example; the worker must open the inbox instead.
  const payload = { id: 'e2e-push-evil', title: 'Evil link', body: '', url: `${origin}/\t/evil.example/x`, category: 'deploys', priority: 'normal', readToken: 'x.y' };
  expect(await deliverPush(context, page, payload)).toBe('Success');
  expect((await shownNotifications(page)).map((n) => n.tag)).toContain('e2e-push-evil');
  await page.goto('/settings/devices');
  await worker.evaluate(async (tag) => {
    const [notification] = await self.registration.getNotifications({ tag });
    self.dispatchEvent(new NotificationEvent('notificationclick', { notification: notification! }));
  }, 'e2e-push-evil');
  await expect(page).toHaveURL(`${origin}/`);
});

test('the Devices page subscribes only on click and explains why this browser cannot subscribe', async ({ page }) => {
  await signIn(page, 'alice@example.com');
  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { name: 'Push notifications' })).toBeVisible();
  await expect(page.getByTestId('push-permission')).toHaveAttribute('data-state', 'granted');

  await page.getByRole('button', { name: 'Enable push on this device' }).click();
  // Headless Chromium has no push service: subscribe() rejects (AbortError "Registration failed -
  // permission denied") although notifications are granted. The page must say so, not hang.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot create push subscriptions', { timeout: 30_000 });
  await expect(alert).toContainText('Registration failed');
  await expect(page.getByRole('button', { name: 'Enable push on this device' })).toBeEnabled();
});

test('the Devices page asks for permission only when the button is clicked', async ({ page }) => {
  // Headless Chromium answers permission state without a prompt (denied unless granted), so count the calls.
  await page.addInitScript(() => {
    const scope = globalThis as unknown as { Notification: { requestPermission: () => Promise<string> }; permissionRequests: number };
    const original = scope.Notification.requestPermission.bind(scope.Notification);
    scope.permissionRequests = 0;
    scope.Notification.requestPermission = () => {
      scope.permissionRequests += 1;
      return original();
    };
  });
  const requests = () => page.evaluate(() => (globalThis as unknown as { permissionRequests: number }).permissionRequests);
  await signIn(page, 'bob@example.com');
  await page.goto('/settings/devices');
  await expect(page.getByTestId('push-devices').or(page.getByText('No devices yet'))).toBeVisible();
  expect(await requests()).toBe(0);
  await page.getByRole('button', { name: 'Enable push on this device' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await requests()).toBe(1);
});
