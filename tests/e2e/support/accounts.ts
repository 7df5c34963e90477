import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A unique address at example.com, so a test's account starts with an empty inbox. */
export const newEmail = (what: string) => `${what}-${randomUUID().slice(0, 8)}@example.com`;

/** The first link to `/<page>#token=…` in the newest dev-outbox email to `to` with this subject. */
export async function linkFromOutbox(admin: APIRequestContext, to: string, subject: string, page: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const outbox = (await (await admin.get('/api/admin/outbox?channel=email&limit=50')).json()) as { items: { to: string; subject: string; text: string }[] };
      const mail = outbox.items.find((m) => m.to === to && m.subject === subject);
      link = mail && new RegExp(`(https?://\\S+/${page}#token=[\\w.-]+)`).exec(mail.text)?.[1];
      return link ?? '';
    })
    .toContain(`/${page}#token=`);
  return link!;
}

/**
 * A new account with `password`, made through an invitation over the API by `admin` (a page signed in as
 * an admin); `role: 'admin'` makes another admin. Resolves with its email.
 *
 * @example
 * const email = await newAccount(adminPage, 'a long and unusual password');
 */
export async function newAccount(admin: Page, password: string, what = 'person', role: 'user' | 'admin' = 'user'): Promise<string> {
  const email = newEmail(what);
  const { csrfToken } = (await (await admin.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const invited = await admin.request.post('/api/admin/invitations', { headers: { 'x-csrf-token': csrfToken }, data: { email, role } });
  expect(invited.status()).toBe(201);
  const link = await linkFromOutbox(admin.request, email, 'You are invited to FlashNotify', 'invitation');
  const token = new URL(link).hash.replace('#token=', '');
  expect((await admin.request.post('/api/auth/invitations/accept', { data: { token, password } })).status()).toBe(201);
  return email;
}
