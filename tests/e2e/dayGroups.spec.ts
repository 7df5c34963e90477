import { expect, test } from '@playwright/test';
import { newInboxUser, postMany, setCreatedAt } from './support/inboxUser.js';

// Issue 11: the inbox in day sections — Today, Yesterday, This week, Older — in the browser's time zone, as
// headings over their own lists, with live items and infinite scroll still in place.

const DAY = 86_400_000;
/** India: UTC+05:30 all year (no DST), so local midnight is 18:30 UTC the day before. */
const ZONE = 'Asia/Kolkata';
const OFFSET = 5.5 * 3_600_000;

test('notifications sit under Today, Yesterday, This week and Older, by the browser’s time zone', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser, { timezoneId: ZONE });
  const run = Date.now().toString(36);
  const [older, week, yesterday, earlyToday] = await postMany(page, email, ['Older', 'This week', 'Yesterday', 'Early today', 'Just now'].map((t) => `${t} ${run}`));

  // Today's local midnight in India, as an instant.
  const local = new Date(Date.now() + OFFSET);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - OFFSET;
  setCreatedAt([older!], new Date(midnight - 20 * DAY));
  setCreatedAt([week!], new Date(midnight - 3 * DAY + 3_600_000));
  setCreatedAt([yesterday!], new Date(midnight - 60_000));
  // Ten minutes after midnight in India is still the day before in UTC: local days, not UTC ones.
  setCreatedAt([earlyToday!], new Date(Math.min(midnight + 10 * 60_000, Date.now())));
  await page.reload();

  const headings = page.getByRole('tabpanel').getByRole('heading', { level: 2 });
  await expect(headings).toHaveText(['Today', 'Yesterday', 'This week', 'Older']);
  const section = (name: string) => page.getByRole('list', { name, exact: true }).getByTestId('notification-item');
  await expect(section('Today')).toHaveText([new RegExp(`Just now ${run}`), new RegExp(`Early today ${run}`)]);
  await expect(section('Yesterday')).toHaveText([new RegExp(`Yesterday ${run}`)]);
  await expect(section('This week')).toHaveText([new RegExp(`This week ${run}`)]);
  await expect(section('Older')).toHaveText([new RegExp(`Older ${run}`)]);

  // A live arrival goes to the top of Today.
  await postMany(page, email, [`Live ${run}`]);
  await expect(section('Today').first()).toContainText(`Live ${run}`);
  await expect(section('Today')).toHaveCount(3);
  await page.context().close();
});

test('day sections keep infinite scroll: older pages load under the right headings', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser, { viewport: { width: 1280, height: 800 } });
  const run = Date.now().toString(36);
  // More than a page (20): the oldest five, a month old, arrive only with the second page.
  const ids = await postMany(page, email, Array.from({ length: 25 }, (_, i) => `Item ${run} ${String(i + 1).padStart(2, '0')}`));
  setCreatedAt(ids.slice(0, 5), new Date(Date.now() - 30 * DAY));
  await page.reload();
  await expect(page.getByRole('list', { name: 'Today', exact: true }).getByTestId('notification-item')).toHaveCount(20);
  await expect(page.getByRole('heading', { name: 'Older', exact: true })).toHaveCount(0);

  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 5000);
  await expect(page.getByRole('list', { name: 'Older', exact: true }).getByTestId('notification-item')).toHaveCount(5);
  await expect(page.getByTestId('notification-item')).toHaveCount(25);
  await page.context().close();
});
