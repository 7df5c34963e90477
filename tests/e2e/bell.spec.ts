import { expect, test, type Locator } from '@playwright/test';
import { markAllRead, postNotification, signIn } from './support/fixtures.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare function getComputedStyle(element: unknown): { textDecorationLine: string };

/** The share of `inner`'s box that `cover` hides (0 = not at all, 1 = entirely). */
async function coveredShare(cover: Locator, inner: Locator): Promise<number> {
  const [a, b] = await Promise.all([cover.boundingBox(), inner.boundingBox()]);
  if (!a || !b) throw new Error('not rendered');
  const width = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const height = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (width * height) / (b.width * b.height);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height} the unread badge sits beside the bell, not over it`, async ({ browser, request }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'alice@example.com');
    const run = Date.now().toString(36);
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    const badge = page.getByTestId('unread-badge');
    const settled = () => badge.evaluate((el) => (el as unknown as { getAnimations(): unknown[] }).getAnimations().length);

    await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Bell look ${run}` });
    await expect(badge).toBeVisible();
    // The badge's pop-in animation scales it: measure once it has settled.
    await expect.poll(settled).toBe(0);
    expect(await coveredShare(badge, bell.locator('svg'))).toBeLessThan(0.1);

    // Two digits make the badge wider; it must grow away from the bell.
    for (let i = 0; i < 10; i++) await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Bell fill ${run} ${i}` });
    await expect(badge).toHaveText(/^(\d\d+|99\+)$/);
    await expect.poll(settled).toBe(0);
    expect(await coveredShare(badge, bell.locator('svg'))).toBeLessThan(0.1);
    // …and the wider header still fits the screen: the page does not scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
    await markAllRead(page);
    await context.close();
  });

  test(`at ${viewport.width}×${viewport.height} the bell panel underlines none of its rows`, async ({ browser, request }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'alice@example.com');
    await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Panel look ${Date.now().toString(36)}`, body: 'A line of body text.' });
    await page.getByRole('button', { name: /^Notifications,/ }).click();
    await expect(page.getByTestId('bell-item').first()).toBeVisible();
    const decorations = await page
      .getByTestId('bell-panel')
      .locator('a')
      .evaluateAll((links) => links.map((link) => getComputedStyle(link).textDecorationLine));
    expect(decorations.length).toBeGreaterThan(1);
    expect(new Set(decorations)).toEqual(new Set(['none']));
    await markAllRead(page);
    await context.close();
  });
}
