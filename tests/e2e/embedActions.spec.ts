import { expect, test, type Page } from '@playwright/test';
import { startHostApp, type HostApp } from '../fixtures/hostApp/hostApp.js';
import { seriousViolations } from './support/axe.js';
import { E2E_API_KEY, E2E_HOST_PORT, E2E_USER_TOKEN_SECRET } from './support/constants.js';
import { postNotification } from './support/fixtures.js';

// Issue 11 in `<flashnotify-inbox>` on a real host page (the host app of embed.spec.ts, user tokens): pin,
// delete and archive with Undo, snooze presets, mark all read with Undo, search; every change live in another
// page of the same user.

const flashnotify = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;
const run = Date.now().toString(36);
test.use({ locale: 'en-US' });
let host: HostApp;

test.beforeAll(async () => {
  host = await startHostApp({ flashnotifyUrl: flashnotify, secret: E2E_USER_TOKEN_SECRET, apiKey: E2E_API_KEY, port: E2E_HOST_PORT });
});
test.afterAll(async () => {
  await host?.close();
});

const badge = (page: Page) => page.getByTestId('flashnotify-badge');
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, \d+ unread/ });
const titles = (page: Page) => page.locator('flashnotify-inbox .item-title');
const row = (page: Page, title: string) => page.getByTestId('flashnotify-item').filter({ hasText: title });
const notice = (page: Page) => page.getByTestId('flashnotify-notice');
const undo = (page: Page) => page.getByRole('button', { name: 'Undo' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search notifications' });
/** Waits for the server's answer to the Undo `act` sends (the feed shows it undone before: a reload would cut it off). */
const undone = async (page: Page, act: () => Promise<void>) => {
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/notifications/undo') && response.request().method() === 'POST');
  await act();
  expect((await answered).status()).toBe(200);
};

/** Signs in to the host app as `user` (created in FlashNotify by the host) and opens its page (`query`) with the element connected. */
async function openHost(page: Page, user: string, query = ''): Promise<void> {
  await page.goto(`${host.url}/sign-in?user=${user}`);
  if (query) await page.goto(`${host.url}/${query}`);
  await expect(page.getByTestId('flashnotify-connection')).toHaveAttribute('data-state', 'connected');
}

/** Opens an item's "More" row and clicks one of its buttons (`name`: its accessible name). */
async function more(page: Page, title: string, name: string): Promise<void> {
  const more = page.getByRole('button', { name: `More actions: ${title}` });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await row(page, title).getByRole('button', { name }).click();
}

test('pin; delete and archive with Undo (keyboard too); a snooze preset; mark all read with Undo — the badge follows, the server agrees', async ({ page, request }) => {
  const user = `emb-act-${run}`;
  await openHost(page, user);
  for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta']) await postNotification(request, { to: [{ externalId: user }], title: `${title} ${run}` });
  await expect(badge(page)).toHaveText('4');
  await bell(page).click();
  await expect(titles(page)).toHaveText(['Delta', 'Gamma', 'Beta', 'Alpha'].map((t) => `${t} ${run}`));

  // Pin: marked at once, kept by the server (a reload shows it), and unpinned the same way.
  await more(page, `Gamma ${run}`, `Pin: Gamma ${run}`);
  await expect(row(page, `Gamma ${run}`).getByTestId('flashnotify-pinned')).toHaveText('Pinned');
  await expect(row(page, `Gamma ${run}`).getByRole('button', { name: `Unpin: Gamma ${run}` })).toBeVisible();
  await page.reload();
  await bell(page).click();
  await expect(row(page, `Gamma ${run}`).getByTestId('flashnotify-pinned')).toBeVisible();
  await expect(row(page, `Beta ${run}`).getByTestId('flashnotify-pinned')).toBeHidden();

  // Delete by keyboard: the row goes, the badge drops, the live region says so and focus lands on Undo.
  await page.getByRole('button', { name: `More actions: Beta ${run}` }).press('Enter');
  await row(page, `Beta ${run}`).getByRole('button', { name: `Delete: Beta ${run}` }).press('Enter');
  await expect(row(page, `Beta ${run}`)).toHaveCount(0);
  await expect(badge(page)).toHaveText('3');
  await expect(notice(page)).toHaveText('Notification deleted.');
  await expect(notice(page)).toHaveRole('status');
  await expect(undo(page)).toBeFocused();
  await undone(page, () => page.keyboard.press('Enter'));
  await expect(row(page, `Beta ${run}`)).toHaveCount(1);
  await expect(badge(page)).toHaveText('4');
  await expect(notice(page)).toHaveText('Undone.');
  await expect(undo(page)).toBeHidden();

  // Archive, then Undo with the mouse.
  await page.getByRole('button', { name: `Archive: Alpha ${run}` }).click();
  await expect(row(page, `Alpha ${run}`)).toHaveCount(0);
  await expect(badge(page)).toHaveText('3');
  await expect(notice(page)).toHaveText('Notification archived.');
  await undone(page, () => undo(page).click());
  await expect(row(page, `Alpha ${run}`)).toHaveCount(1);
  await expect(badge(page)).toHaveText('4');

  // The server has both back: a fresh page shows them, in order, with the exact badge.
  await page.reload();
  await expect(badge(page)).toHaveText('4');
  await bell(page).click();
  await expect(titles(page)).toHaveText(['Delta', 'Gamma', 'Beta', 'Alpha'].map((t) => `${t} ${run}`));

  // A delete left alone stays deleted.
  await more(page, `Delta ${run}`, `Delete: Delta ${run}`);
  await expect(row(page, `Delta ${run}`)).toHaveCount(0);
  await expect(badge(page)).toHaveText('3');

  // Snooze "tomorrow": gone and out of the badge, here and after a reload (the server hides it until then).
  await page.getByRole('button', { name: `More actions: Gamma ${run}` }).click();
  const snooze = page.getByRole('group', { name: `Snooze: Gamma ${run}` });
  await expect(snooze.getByRole('button')).toHaveText(['In 3 hours', 'Tomorrow, 9:00 AM', 'Next Monday, 9:00 AM']);
  await snooze.getByRole('button', { name: 'Tomorrow, 9:00 AM' }).click();
  await expect(row(page, `Gamma ${run}`)).toHaveCount(0);
  await expect(badge(page)).toHaveText('2');
  await expect(notice(page)).toContainText('Snoozed until');
  await page.reload();
  await expect(badge(page)).toHaveText('2');
  await bell(page).click();
  await expect(titles(page)).toHaveText([`Beta ${run}`, `Alpha ${run}`]);

  // Mark all read, then Undo: both unread again, on the server too.
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(badge(page)).toBeHidden();
  await expect(notice(page)).toHaveText('All marked as read.');
  await undone(page, () => undo(page).click());
  await expect(badge(page)).toHaveText('2');
  await expect(page.getByTestId('flashnotify-item').and(page.locator('[data-read="false"]'))).toHaveCount(2);
  await page.reload();
  await expect(badge(page)).toHaveText('2');

  // Too late (the server says 410): the line says so, and the feed and badge show the change as the server keeps it.
  await bell(page).click();
  await page.route(`${flashnotify}/api/notifications/undo`, (route) =>
    route.fulfill({
      status: 410,
      headers: { 'access-control-allow-origin': host.url },
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'undo_expired', message: 'Too late to undo this', details: [{ path: 'token', message: 'Expired' }] } }),
    }),
  );
  await page.getByRole('button', { name: `Archive: Beta ${run}` }).click();
  await expect(badge(page)).toHaveText('1');
  await undo(page).click();
  await expect(notice(page)).toHaveText('Too late to undo: the change stays.');
  await expect(titles(page)).toHaveText([`Alpha ${run}`]);
  await expect(badge(page)).toHaveText('1');
});

test('the actions, the Undo line and the search field pass axe in light and dark, and speak French', async ({ page, request }) => {
  const user = `emb-act-a11y-${run}`;
  await openHost(page, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Colis expédié ${run}`, body: 'Votre commande est en route' });
  await postNotification(request, { to: [{ externalId: user }], title: `Facture ${run}` });
  for (const theme of ['light', 'dark']) {
    await page.goto(`${host.url}/?theme=${theme}`);
    await expect(badge(page)).toHaveText(/\d/);
    await bell(page).click();
    await page.getByRole('button', { name: `Archive: Facture ${run}` }).click();
    await expect(undo(page)).toBeVisible();
    await page.getByRole('button', { name: `More actions: Colis expédié ${run}` }).click();
    await more(page, `Colis expédié ${run}`, `Pin: Colis expédié ${run}`);
    await expect(row(page, `Colis expédié ${run}`).getByTestId('flashnotify-pinned')).toBeVisible();
    expect(await seriousViolations(page), theme).toEqual([]);
    await undone(page, () => undo(page).click());
    await more(page, `Colis expédié ${run}`, `Unpin: Colis expédié ${run}`);
    await expect(row(page, `Colis expédié ${run}`).getByTestId('flashnotify-pinned')).toBeHidden();
  }

  await page.goto(`${host.url}/?locale=fr`);
  await page.getByRole('button', { name: /^Notifications, / }).click();
  await expect(page.getByRole('searchbox', { name: 'Rechercher dans les notifications' })).toBeVisible();
  await page.getByRole('button', { name: `Plus d’actions : Colis expédié ${run}` }).click();
  await expect(page.getByRole('group', { name: `Mettre en attente : Colis expédié ${run}` }).getByRole('button')).toHaveText([
    'Dans 3 heures',
    'Demain à 09:00',
    'Lundi prochain à 09:00',
  ]);
  await row(page, `Colis expédié ${run}`).getByRole('button', { name: `Supprimer : Colis expédié ${run}` }).click();
  await expect(notice(page)).toHaveText('Notification supprimée.');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(notice(page)).toHaveText('Action annulée.');
  await expect(row(page, `Colis expédié ${run}`)).toHaveCount(1);
  await page.getByRole('searchbox').fill('zzzz');
  await expect(page.getByTestId('flashnotify-message')).toHaveText('Aucune notification ne correspond à « zzzz ».');
});

test('search: server-side by word and prefix, kept right by live changes; Escape empties it; search="off" removes it', async ({ page, request }) => {
  const user = `emb-search-${run}`;
  await openHost(page, user);
  const send = (title: string, body = '') => postNotification(request, { to: [{ externalId: user }], title, body });
  await send('Deploy finished', 'Build 41 is live');
  await send('Invoice paid', 'Thanks for the deployment budget');
  await send('Weekly report');
  await expect(badge(page)).toHaveText('3');
  await bell(page).click();

  // The last word is a prefix; title and body both count.
  await search(page).fill('deplo');
  await expect(titles(page)).toHaveText(['Invoice paid', 'Deploy finished']);
  await search(page).fill('invoice');
  await expect(titles(page)).toHaveText(['Invoice paid']);
  await search(page).fill('nothing like it');
  await expect(page.getByTestId('flashnotify-message')).toHaveText('No notifications match “nothing like it”.');

  // Live while searching: a new match shows, a new non-match does not (the badge counts both).
  await search(page).fill('deploy');
  await expect(titles(page)).toHaveText(['Invoice paid', 'Deploy finished']);
  await send('Deploy rolled back');
  await send('Lunch menu');
  await expect(badge(page)).toHaveText('5');
  await expect(titles(page)).toHaveText(['Deploy rolled back', 'Invoice paid', 'Deploy finished']);
  // Deleting a result, then Undo, inside the search.
  await more(page, 'Deploy finished', 'Delete: Deploy finished');
  await expect(titles(page)).toHaveText(['Deploy rolled back', 'Invoice paid']);
  await undo(page).click();
  await expect(titles(page)).toHaveText(['Deploy rolled back', 'Invoice paid', 'Deploy finished']);

  // Escape empties the search (the whole inbox again); a second Escape closes the popover.
  await search(page).press('Escape');
  await expect(search(page)).toHaveValue('');
  await expect(titles(page)).toHaveText(['Lunch menu', 'Deploy rolled back', 'Weekly report', 'Invoice paid', 'Deploy finished']);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeHidden();

  // search="off": no field, and a search under way gives way to the whole inbox.
  await bell(page).click();
  await search(page).fill('lunch');
  await expect(titles(page)).toHaveText(['Lunch menu']);
  await page.locator('flashnotify-inbox').evaluate((element) => element.setAttribute('search', 'off'));
  await expect(search(page)).toHaveCount(0);
  await expect(titles(page)).toHaveCount(5);
});

test('a change in one page shows live in another page of the same user: pin, delete, Undo, snooze', async ({ page, context, request }) => {
  const user = `emb-act-live-${run}`;
  await openHost(page, user);
  const other = await context.newPage();
  await openHost(other, user);
  await postNotification(request, { to: [{ externalId: user }], title: `Shared one ${run}` });
  await postNotification(request, { to: [{ externalId: user }], title: `Shared two ${run}` });
  await expect(badge(other)).toHaveText('2');
  await bell(page).click();
  await bell(other).click();

  await more(page, `Shared one ${run}`, `Pin: Shared one ${run}`);
  await expect(row(other, `Shared one ${run}`).getByTestId('flashnotify-pinned')).toBeVisible();

  await more(page, `Shared two ${run}`, `Delete: Shared two ${run}`);
  await expect(row(other, `Shared two ${run}`)).toHaveCount(0);
  await expect(badge(other)).toHaveText('1');
  await undo(page).click();
  await expect(row(other, `Shared two ${run}`)).toHaveCount(1);
  await expect(badge(other)).toHaveText('2');

  await more(page, `Shared one ${run}`, 'In 3 hours');
  await expect(row(other, `Shared one ${run}`)).toHaveCount(0);
  await expect(badge(other)).toHaveText('1');
  await expect(titles(other)).toHaveText([`Shared two ${run}`]);
});
