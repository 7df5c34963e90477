import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { postNotification, signIn } from './support/fixtures.js';

// Page-side globals used inside waitForFunction (this Node-side file has no DOM lib).
declare const document: { querySelectorAll(selector: string): Iterable<unknown> };
declare function getComputedStyle(element: unknown): { opacity: string };

/** Serious and critical WCAG 2.1 A/AA problems axe finds on a page (moderate and minor ones are not checked). */
async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('the main pages have no serious accessibility violations', async ({ page, request }) => {
  // Eleven full axe scans: on a loaded 2-core runner they alone can take over a minute.
  test.slow();
  // Collected over all pages, so one run lists everything to fix.
  const found: string[] = [];
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  found.push(...(await seriousViolations(page)).map((v) => `login ${v}`));
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  found.push(...(await seriousViolations(page)).map((v) => `forgot-password ${v}`));

  await signIn(page, 'admin@example.com');
  await postNotification(request, { to: [{ email: 'admin@example.com' }], title: 'Accessibility check', body: 'Body text', category: 'billing' });
  await expect(page.getByTestId('notification-item').first()).toBeVisible();
  // The arrival toast fades in: scan it once it is fully shown, not at half opacity.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => getComputedStyle(toast).opacity === '1'),
  );
  found.push(...(await seriousViolations(page)).map((v) => `inbox ${v}`));

  for (const [path, heading] of [
    ['/settings/preferences', 'Notification preferences'],
    ['/settings/devices', 'Push notifications'],
    ['/settings/account', 'Account'],
    ['/admin/users', 'Users'],
    ['/admin/compose', 'Compose notification'],
    ['/admin/sends', 'Sent'],
    ['/admin/deliveries', 'Deliveries'],
    ['/admin/user-tokens', 'User tokens'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
  }
  expect(found).toEqual([]);
});
