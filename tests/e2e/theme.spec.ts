import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/fixtures.js';

// Issue 11, dark mode as people use it: the app follows the system's scheme until they pick one in the
// header (System / Light / Dark); the pick is remembered and applied before the first paint.

// Page-side globals used inside evaluate (this Node-side file has no DOM lib).
declare const document: { body: unknown; documentElement: { dataset: Record<string, string | undefined> } };
declare function getComputedStyle(element: unknown): { backgroundColor: string; colorScheme: string };

/** The page's background as `rgb(r, g, b)`, and whether it is dark (mean channel under 128). */
async function background(page: Page): Promise<{ color: string; dark: boolean }> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const channels = color.match(/\d+/g)!.slice(0, 3).map(Number);
  return { color, dark: channels.reduce((sum, channel) => sum + channel, 0) / 3 < 128 };
}

const themeButton = (page: Page, name: 'System' | 'Light' | 'Dark') => page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: `${name} theme` });

test('the app follows the system scheme until the user picks one, and keeps the pick across reloads', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page, 'alice@example.com');
  await expect(themeButton(page, 'System')).toHaveAttribute('aria-pressed', 'true');
  expect((await background(page)).dark).toBe(true);

  // The system turns light: a page on "System" follows at once.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await background(page)).dark).toBe(false);

  await themeButton(page, 'Dark').click();
  await expect(themeButton(page, 'Dark')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await background(page)).dark).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');

  // Remembered in this browser: a reload, another tab, the login page all start dark under a light system.
  await page.reload();
  await expect(themeButton(page, 'Dark')).toHaveAttribute('aria-pressed', 'true');
  expect((await background(page)).dark).toBe(true);
  const other = await context.newPage();
  await other.goto('/login');
  expect((await background(other)).dark).toBe(true);

  await themeButton(page, 'Light').click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await background(page)).dark).toBe(false);
  // The other tab follows the pick (the storage event).
  await expect.poll(async () => (await background(other)).dark).toBe(false);

  await themeButton(page, 'System').click();
  await expect.poll(async () => (await background(page)).dark).toBe(true);
  await context.close();
});

test('a picked theme is applied before the app runs (no light flash), under the unweakened Content-Security-Policy', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await signIn(page, 'alice@example.com');
  await themeButton(page, 'Dark').click();
  await expect(themeButton(page, 'Dark')).toHaveAttribute('aria-pressed', 'true');

  // The app's own code never runs: what shows dark is the stylesheet and public/theme-init.js alone, which
  // is what the browser paints first.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route('**/assets/*.js', (route) => route.abort());
  const response = await page.goto('/login');
  const csp = response!.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((directive) => directive.startsWith('script-src '));
  expect(scriptSrc).toBe("script-src 'self'");
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect((await background(page)).dark).toBe(true);
  expect(violations).toEqual([]);
  await context.close();
});
