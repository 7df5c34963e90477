import { expect, test, type Page } from '@playwright/test';
import { postNotification } from './support/fixtures.js';
import { newInboxUser, setCreatedAt } from './support/inboxUser.js';

// Issue 11: screenshots of the inbox in light, dark and compact at a laptop's and a phone's size, saved in
// test-results/screenshots/ for people to look at before the issue is called done. Not compared to a
// reference (fonts and anti-aliasing differ between machines): the test checks each was taken.

const DAY = 86_400_000;
const SAMPLES: Array<{ title: string; body?: string; category?: string; priority?: 'high' | 'critical'; actionUrl?: string; daysAgo: number; read?: boolean }> = [
  { title: 'Quarterly report is ready', body: 'The Q3 report was generated and shared with the finance team.', category: 'billing', daysAgo: 12, read: true },
  { title: 'Password changed', body: 'Your password was changed from a new device in Lyon.', priority: 'high', daysAgo: 9, read: true },
  { title: 'Weekly digest', body: '14 notifications you may have missed this week.', daysAgo: 4, read: true },
  { title: 'Invoice #1042 was paid', body: 'Acme Corp paid 1,250.00 EUR by card.', category: 'billing', daysAgo: 3 },
  { title: 'New sign-in from Firefox on Linux', body: 'If this was not you, end the session from your account page.', priority: 'high', actionUrl: '/settings/account', daysAgo: 2 },
  { title: 'Maya mentioned you in “Launch plan”', body: '“@you can you check the rollout dates before Friday?”', daysAgo: 1 },
  { title: 'Nightly backup completed', body: 'All 3 databases were backed up in 4 min 12 s.', daysAgo: 1, read: true },
  { title: 'Storage almost full', body: 'The media bucket is at 92% of its quota. Older uploads can be archived.', priority: 'critical', daysAgo: 0 },
  { title: 'Deploy #218 succeeded', body: 'main → production in 3 min. 12 commits, 2 migrations.', daysAgo: 0, read: true },
  { title: 'Payment failed for invoice #1043', body: 'The card was declined. We will retry in 24 hours.', category: 'billing', priority: 'high', daysAgo: 0 },
  { title: 'Léa shared “Design review notes” with you', daysAgo: 0 },
  { title: 'Build failed on branch feature/inbox-search', body: 'Step “unit tests” failed: 2 tests of 1,204.', actionUrl: '/settings/devices', daysAgo: 0 },
  { title: 'New comment on “Pricing page copy”', body: 'Sam: “Shorter is better here — can we cut the second paragraph?”', daysAgo: 0 },
  { title: 'Your export is ready to download', body: 'notifications-2026-12.csv (2.4 MB) is available for 7 days.', daysAgo: 0 },
];

async function seed(page: Page, email: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  for (const { daysAgo, read, ...sample } of SAMPLES) {
    const [id] = await postNotification(page.request, { to: [{ email }], ...sample });
    if (daysAgo > 0) setCreatedAt([id!], new Date(Date.now() - daysAgo * DAY));
    if (read) {
      const res = await page.request.patch(`/api/notifications/${id}`, { headers: { 'x-csrf-token': csrfToken }, data: { read: true } });
      expect(res.status()).toBe(200);
    }
  }
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`screenshots of the inbox at ${viewport.width}×${viewport.height}: light, dark, compact`, async ({ browser }) => {
    // A fresh account, fourteen notifications and nine full-page screenshots.
    test.slow();
    const { page, email } = await newInboxUser(browser, { viewport, colorScheme: 'light' });
    await seed(page, email);
    await page.reload();
    await expect(page.getByTestId('notification-item')).toHaveCount(SAMPLES.length);
    const shot = async (name: string) => {
      const path = `test-results/screenshots/inbox-${viewport.width}x${viewport.height}-${name}.png`;
      await page.screenshot({ path, animations: 'disabled' });
      test.info().annotations.push({ type: 'screenshot', description: path });
    };
    const theme = page.getByRole('group', { name: 'Theme' });
    await shot('light');
    await theme.getByRole('button', { name: 'Dark theme' }).click();
    await shot('dark');
    await page.getByRole('button', { name: 'Compact' }).click();
    await shot('dark-compact');
    await theme.getByRole('button', { name: 'Light theme' }).click();
    await shot('light-compact');
    // The "N new" pill and the bell popover, in dark.
    await theme.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'Comfortable' }).click();
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, 700);
    await expect(page.getByTestId('notification-item').first()).not.toBeInViewport();
    await postNotification(page.request, { to: [{ email }], title: 'Just arrived' });
    await expect(page.getByTestId('new-items-pill')).toBeVisible();
    await shot('dark-new-pill');
    await page.getByTestId('new-items-pill').click();
    await page.getByRole('button', { name: /^Notifications,/ }).click();
    await expect(page.getByTestId('bell-item').first()).toBeVisible();
    await shot('dark-bell');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot('dark-shortcuts');
    await page.context().close();
  });
}
