import { expect, test } from '@playwright/test';
import { postNotification, signIn } from './support/fixtures.js';

// Page-side global used inside evaluate (this Node-side file has no DOM lib).
declare const document: { activeElement: { matches(selector: string): boolean; closest(selector: string): { textContent: string | null } | null } | null };

test('a critical toast stays until dismissed (by keyboard too); a normal one goes away by itself', async ({ page, request }) => {
  // A fake clock, so "after the normal duration" needs no real waiting.
  await page.clock.install();
  await signIn(page, 'alice@example.com');
  const run = Date.now().toString(36);
  await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Routine ${run}` });
  await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Breach ${run}`, category: 'security', priority: 'critical' });
  const normal = page.locator('[data-sonner-toast]').filter({ hasText: `Routine ${run}` });
  const critical = page.locator('[data-sonner-toast]').filter({ hasText: `Breach ${run}` });
  await expect(normal).toBeVisible();
  await expect(critical).toBeVisible();

  // Far beyond sonner's normal 4 s (and hover/focus never paused it: the pointer is elsewhere).
  await page.mouse.move(5, 5);
  await page.clock.runFor(30_000);
  await expect(normal).toHaveCount(0);
  await expect(critical).toBeVisible();

  // Its dismiss button is reachable with Tab alone.
  const onCriticalClose = () =>
    page.evaluate(
      (title) => Boolean(document.activeElement?.matches('[data-close-button]') && document.activeElement.closest('[data-sonner-toast]')?.textContent?.includes(title)),
      `Breach ${run}`,
    );
  let reached = false;
  // Other specs share this server: Alice's inbox may hold many items (each with its buttons) before the toasts.
  for (let presses = 0; presses < 600 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await onCriticalClose();
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(critical).toHaveCount(0);
});

test('the summary toast of a reconnect that brought a critical notification stays until dismissed', async ({ page, context, request }) => {
  await page.clock.install();
  await signIn(page, 'alice@example.com');
  const run = Date.now().toString(36);
  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected');
  await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Missed routine ${run}` });
  await postNotification(request, { to: [{ email: 'alice@example.com' }], title: `Missed breach ${run}`, category: 'security', priority: 'critical' });
  await context.setOffline(false);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');

  const summary = page.locator('[data-sonner-toast]').filter({ hasText: 'while you were away' });
  await expect(summary).toContainText('1 critical');
  await page.mouse.move(5, 5);
  await page.clock.runFor(30_000);
  await expect(summary).toBeVisible();
  await summary.getByRole('button', { name: 'Close toast' }).click();
  await expect(summary).toHaveCount(0);
});
