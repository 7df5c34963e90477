import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { AnalyticsReport } from '../../shared/schemas/analytics.js';
import { newAccount } from './support/accounts.js';
import { seriousViolations } from './support/axe.js';
import { postNotification, signIn } from './support/fixtures.js';

/** Creates a category of its own for this run (its figures start at zero) and sends `count` notifications in it to the admin. */
async function trafficIn(page: Page, count: number): Promise<string> {
  const key = `analytics-${randomUUID().slice(0, 8)}`;
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  expect((await page.request.post('/api/admin/categories', { headers: { 'x-csrf-token': csrfToken }, data: { key, label: 'Analytics e2e' } })).status()).toBe(201);
  for (let i = 0; i < count; i++) await postNotification(page.request, { to: [{ email: 'admin@example.com' }], title: `Analytics ${i}`, category: key });
  // The rollup job runs every second here (playwright.config.ts): wait until it has counted them.
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  await expect
    .poll(async () => {
      const report = (await (await page.request.get(`/api/admin/analytics?from=${from}&to=${to}`)).json()) as AnalyticsReport;
      return report.categories.find((row) => row.category === key)?.notifications;
    })
    .toBe(count);
  return key;
}

test('the analytics page shows the counted traffic, changes range, downloads CSV, and passes axe in both themes', async ({ page, browser }) => {
  test.slow();
  await signIn(page, 'admin@example.com');
  const key = await trafficIn(page, 2);

  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
  const row = page.getByTestId('analytics-categories-table').locator(`tr[data-category="${key}"]`);
  await expect(row.getByRole('cell').first()).toHaveText('2');
  // Named by its label (Admin → Categories), not its key.
  await expect(row.getByRole('rowheader')).toHaveText('Analytics e2e');
  await expect(page.getByRole('figure', { name: 'Over time' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Deliveries by channel' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // 24 hours: one row per hour in the trend's table.
  await page.getByRole('button', { name: '24 hours' }).click();
  await expect(page).toHaveURL(/range=24h/);
  await page.getByText('Show the figures as a table').click();
  await expect(page.getByTestId('analytics-trend-table').locator('tbody tr')).toHaveCount(24);
  await expect(row.getByRole('cell').first()).toHaveText('2');

  // Custom: asks for the days, then shows them by day... or by hour up to a week.
  await page.getByRole('button', { name: 'Custom' }).click();
  await expect(page.getByText('Choose a first and a last day')).toBeVisible();
  const today = new Date();
  const day = (offset: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset).toLocaleDateString('en-CA');
  await page.getByLabel('From').fill(day(-9));
  await page.getByLabel('To').fill(day(0));
  await expect(row.getByRole('cell').first()).toHaveText('2');

  // CSV: the same figures, one per line.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^flashnotify-analytics-.*-day\.csv$/);
  expect((await readFile(await file.path(), 'utf8')).split('\r\n')).toContain(`categories,,${key},,,,notifications,2`);

  // A period with nothing in it: said in words, not as empty charts.
  await page.goto('/admin/analytics?range=custom&from=2001-01-01&to=2001-01-02');
  await expect(page.getByTestId('analytics-empty')).toHaveText('Nothing was sent, delivered or read in this period.');
  await expect(page.getByRole('figure')).toHaveCount(0);

  // The dark theme.
  const dark = await browser.newContext({ colorScheme: 'dark' });
  const darkPage = await dark.newPage();
  await signIn(darkPage, 'admin@example.com');
  await darkPage.goto('/admin/analytics?range=30d');
  // A first visit loads the charting chunk: slow on a loaded runner.
  await expect(darkPage.getByTestId('analytics-categories-table').locator(`tr[data-category="${key}"]`)).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(darkPage)).toEqual([]);
  await dark.close();
});

test('the analytics page in French', async ({ page, browser }) => {
  test.slow();
  await signIn(page, 'admin@example.com');
  const password = 'un mot de passe long et personnel';
  const email = await newAccount(page, password, 'analyste', 'admin');
  const french = await browser.newContext({ locale: 'fr-FR' });
  const frenchPage = await french.newPage();
  await signIn(frenchPage, email, password);
  await frenchPage.getByRole('link', { name: 'Statistiques' }).click();
  await expect(frenchPage.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
  await frenchPage.getByRole('button', { name: '30 jours' }).click();
  await expect(frenchPage.getByRole('figure', { name: 'Remises par canal' })).toBeVisible();
  await expect(frenchPage.getByRole('columnheader', { name: 'Taux de lecture' }).first()).toBeVisible();
  await expect(frenchPage.getByRole('link', { name: 'Télécharger en CSV' })).toBeVisible();
  await french.close();
});

test('on a phone each figure of the analytics tables is named by its column', async ({ browser }) => {
  test.slow();
  // Below 640 px the admin tables become one card per row whose cells show their data-label (tables.css):
  // a figure without one is a bare number under the row's name.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, 'admin@example.com');
  const key = await trafficIn(page, 1);
  await page.goto('/admin/analytics');
  const row = page.getByTestId('analytics-categories-table').locator(`tr[data-category="${key}"]`);
  await expect(row.getByRole('cell').first()).toHaveText('1');
  await page.getByText('Show the figures as a table').click();
  for (const table of ['analytics-trend-table', 'analytics-categories-table', 'analytics-channels-table']) {
    const labels = await page.getByTestId(table).locator('tbody td').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-label') ?? ''));
    expect(labels.length, table).toBeGreaterThan(0);
    expect(labels.filter((label) => label === ''), table).toEqual([]);
  }
  const readRate = row.getByRole('cell').nth(3);
  expect(await readRate.evaluate((cell) => cell.ownerDocument.defaultView!.getComputedStyle(cell, '::before').content)).toBe('"Read rate"');
  await phone.close();
});
