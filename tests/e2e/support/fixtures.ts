import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_API_KEY } from './constants.js';

type Catalog = Record<string, string>;
const catalog = (locale: string): Catalog => JSON.parse(readFileSync(new URL(`../../../shared/i18n/messages/${locale}.json`, import.meta.url), 'utf8')) as Catalog;
const CATALOGS: Record<string, Catalog> = { en: catalog('en'), fr: catalog('fr') };

/**
 * Signs in through the real login form (a demo account's password unless told) and waits for the inbox with
 * a live connection. The form's words are those of the browser's language (a context made with
 * `locale: 'fr-FR'` gets the French page), as long as the account has not chosen another.
 */
export async function signIn(page: Page, email: string, password = 'flashnotify'): Promise<void> {
  await page.goto('/login');
  const language = String(await page.evaluate('navigator.language')).split('-')[0]!;
  const words = CATALOGS[language] ?? CATALOGS.en!;
  await page.getByLabel(words['common.email']!).fill(email);
  await page.getByLabel(words['common.password']!).fill(password);
  await page.getByRole('button', { name: words['auth.login.submit'] }).click();
  await expect(page.getByRole('heading', { name: words['inbox.title'] })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
}

/** Posts a notification through the service API, as an integrating service would. */
export async function postNotification(
  request: APIRequestContext,
  body: {
    to: ({ email: string } | { externalId: string })[];
    title: string;
    body?: string;
    category?: string;
    priority?: 'low' | 'normal' | 'high' | 'critical';
    actionUrl?: string;
  },
): Promise<string[]> {
  const res = await request.post('/api/v1/notifications', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: body,
  });
  expect(res.status()).toBe(202);
  return ((await res.json()) as { notificationIds: string[] }).notificationIds;
}

/**
 * Marks everything of the signed-in user read (as "Mark all as read" does), so a test leaves no unread
 * items behind for the specs that count a demo user's badge from zero.
 */
export async function markAllRead(page: Page): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/notifications/read-all', { headers: { 'x-csrf-token': csrfToken }, data: {} });
  expect(res.status()).toBe(200);
}

/** The unread badge's number, 0 when the badge is hidden. */
export async function unreadBadge(page: Page): Promise<number> {
  const badge = page.getByTestId('unread-badge');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.textContent());
}
