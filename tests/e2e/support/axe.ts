import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// Page-side globals used inside waitForFunction (this Node-side file has no DOM lib).
interface PageElement {
  getAttribute(name: string): string | null;
  children: Iterable<PageElement>;
}
declare const document: { querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(element: unknown): { opacity: string };

/**
 * Waits until every toast is still: shown ones fully opaque, leaving ones gone, and the content of each at
 * opacity 0 or 1. Sonner fades toasts in and out over ~400 ms, and fades the content of a toast that a newer
 * one pushes to the back of the stack (to 0, over 400 ms); axe scanning text half-transparent reports it as
 * low-contrast (a flaky failure). Toasts hidden behind the visible stack (`data-visible="false"`, opacity 0 on
 * purpose) are left alone.
 */
async function toastsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => {
      if (toast.getAttribute('data-removed') === 'true') return false;
      if (toast.getAttribute('data-visible') === 'false') return true;
      return getComputedStyle(toast).opacity === '1' && [...toast.children].every((part) => ['0', '1'].includes(getComputedStyle(part).opacity));
    }),
  );
}

/**
 * Serious and critical WCAG 2.1 A/AA problems axe finds on the page (the bar of accessibility.spec.ts),
 * scanned once the toasts have settled.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await toastsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
