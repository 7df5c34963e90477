import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { newAccount } from './accounts.js';
import { postNotification, signIn } from './fixtures.js';

const PASSWORD = 'a long and unusual password';

/**
 * A new account with an empty inbox, signed in on a page of its own browser context (`options`: viewport,
 * color scheme, time zone, locale…). Made through an admin's invitation, so other specs' notifications are not
 * in it; `role: 'admin'` makes it an admin (with no language chosen yet, unlike the demo admin maybe).
 *
 * @example
 * const { page, email } = await newInboxUser(browser, { viewport: { width: 1280, height: 800 } });
 */
export async function newInboxUser(
  browser: Browser,
  options: BrowserContextOptions = {},
  role: 'user' | 'admin' = 'user',
): Promise<{ page: Page; email: string }> {
  // The inviting admin in English whatever the spec's locale: the invitation email (its subject found below)
  // is in the inviter's language, and the demo admin's language must not change for the specs after this one.
  const adminContext = await browser.newContext({ locale: 'en-US' });
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.com');
  const email = await newAccount(admin, PASSWORD, 'inbox', role);
  await adminContext.close();
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email, PASSWORD);
  return { page, email };
}

/** Posts `titles` to `email` one by one (oldest first), resolving with their ids in the same order. */
export async function postMany(page: Page, email: string, titles: readonly string[], extra: { body?: string; category?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) ids.push(...(await postNotification(page.request, { to: [{ email }], title, ...extra })));
  return ids;
}

/**
 * Dates notifications at `at` in the e2e server's SQLite database, as if sent then: the API stamps every
 * notification "now", and the day sections need older ones. Only `createdAt` changes (the list's order is
 * by seq, so date them in the order they were sent); a page loaded afterwards shows the new dates.
 */
export function setCreatedAt(ids: readonly string[], at: Date): void {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'flashnotify.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const update = db.prepare('UPDATE "Notification" SET "createdAt" = ? WHERE "id" = ?');
    // The server's own format (server/db/rawDatabase.ts sqliteTimestamp): ISO text with an explicit offset.
    for (const id of ids) update.run(at.toISOString().replace('Z', '+00:00'), id);
  } finally {
    db.close();
  }
}

/**
 * Changes one of the signed-in user's notifications through the inbox API (`PATCH /api/notifications/:id`,
 * as the app's buttons do): `{ read: true }`, `{ pinned: true }`, `{ snoozedUntil: '…' }` or `null` to wake it…
 */
export async function patchNotification(page: Page, id: string, patch: Record<string, unknown>): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.patch(`/api/notifications/${id}`, { headers: { 'x-csrf-token': csrfToken }, data: patch });
  expect(res.status()).toBe(200);
}

/**
 * A new account (see newInboxUser) with `titles` posted to it (oldest first), each followed by this run's id
 * so no other run's notification matches (`Oldest k3x9`), once the inbox lists them all. `row(title)` is the
 * row of one of them, by the title as given.
 *
 * @example
 * const { page, row } = await newInboxWith(browser, ['Oldest', 'Newest']);
 * await row('Newest').getByRole('button', { name: 'Archive' }).click();
 */
export async function newInboxWith(browser: Browser, titles: readonly string[], options: BrowserContextOptions = {}) {
  const { page, email } = await newInboxUser(browser, options);
  const run = Date.now().toString(36);
  await postMany(page, email, titles.map((title) => `${title} ${run}`));
  const rows = page.getByTestId('notification-item');
  await expect(rows).toHaveCount(titles.length);
  return { page, email, run, rows, row: (title: string) => rows.filter({ hasText: `${title} ${run}` }) };
}
