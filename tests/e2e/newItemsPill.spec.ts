import { expect, test } from '@playwright/test';
import { newInboxUser, postMany } from './support/inboxUser.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare const window: { scrollY: number };

// Issue 11: new notifications arriving while the inbox is scrolled down go in at the top as always, and a
// pill says how many; a click on it (or scrolling up) brings the user there and the pill goes.

test('items arriving while the list is scrolled down show a "N new" pill, announced, gone once back at the top', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser, { viewport: { width: 1280, height: 800 } });
  const run = Date.now().toString(36);
  await postMany(page, email, Array.from({ length: 12 }, (_, i) => `Earlier ${run} ${i + 1}`));
  await expect(page.getByTestId('notification-item')).toHaveCount(12);

  // At the top, arrivals need no pill: the user sees them come in.
  await postMany(page, email, [`Seen arriving ${run}`]);
  await expect(page.getByTestId('notification-item')).toHaveCount(13);
  await expect(page.getByTestId('new-items-pill')).toHaveCount(0);

  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 900);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
  const firstRow = page.getByTestId('notification-item').first();
  await expect(firstRow).not.toBeInViewport();

  await postMany(page, email, [`While scrolled ${run} A`, `While scrolled ${run} B`]);
  const pill = page.getByRole('button', { name: '2 new notifications' });
  await expect(pill).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 new notifications' })).toHaveCount(1);
  // Inserted at the top, as without the pill.
  await expect(page.getByTestId('notification-item').first()).toContainText(`While scrolled ${run} B`);

  await pill.click();
  await expect(page.getByTestId('notification-item').first()).toBeInViewport();
  await expect(pill).toHaveCount(0);

  // Scrolled down again; this time the user scrolls back up themselves.
  await page.mouse.wheel(0, 900);
  await expect(firstRow).not.toBeInViewport();
  await postMany(page, email, [`While scrolled ${run} C`]);
  await expect(page.getByRole('button', { name: '1 new notification', exact: true })).toBeVisible();
  await page.mouse.wheel(0, -3000);
  await expect(page.getByTestId('new-items-pill')).toHaveCount(0);
  await page.context().close();
});
