import { expect, test, type Page } from '@playwright/test';
import { newInboxUser, postMany } from './support/inboxUser.js';

// Issue 11: a compact density shows at least nine rows on a 1280×800 screen (comfortable rows are ~107 px),
// and the choice is remembered.

/** Rows whose whole box is inside the viewport (below the sticky header, which covers the top). */
async function rowsFullyVisible(page: Page): Promise<number> {
  const viewport = page.viewportSize()!;
  const header = (await page.locator('.app-header').boundingBox())!;
  const boxes = await Promise.all((await page.getByTestId('notification-item').all()).map((row) => row.boundingBox()));
  return boxes.filter((box) => box && box.y >= header.y + header.height && box.y + box.height <= viewport.height).length;
}

test('compact density shows at least 9 rows on a 1280×800 screen, and is remembered', async ({ browser }) => {
  const { page, email } = await newInboxUser(browser, { viewport: { width: 1280, height: 800 } });
  const run = Date.now().toString(36);
  await postMany(
    page,
    email,
    Array.from({ length: 14 }, (_, i) => `Deployment ${i + 1} of the billing service finished ${run}`),
    { body: 'All checks passed in 4 minutes. The new version is live in every region; nothing needs doing.', category: 'billing' },
  );
  await expect(page.getByTestId('notification-item')).toHaveCount(14);
  const density = page.getByRole('group', { name: 'Density' });
  await expect(density.getByRole('button', { name: 'Comfortable' })).toHaveAttribute('aria-pressed', 'true');
  const comfortable = await rowsFullyVisible(page);

  await density.getByRole('button', { name: 'Compact' }).click();
  await expect(density.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  const compact = await rowsFullyVisible(page);
  test.info().annotations.push({ type: 'rows in view at 1280×800', description: `comfortable ${comfortable}, compact ${compact}` });
  expect(compact).toBeGreaterThanOrEqual(9);
  expect(compact).toBeGreaterThan(comfortable);

  await page.reload();
  await expect(page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('notification-item')).toHaveCount(14);
  expect(await rowsFullyVisible(page)).toBeGreaterThanOrEqual(9);
  await page.context().close();
});
