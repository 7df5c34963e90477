import { expect, test } from '@playwright/test';
import { E2E_API_KEY } from './support/constants.js';
import { signIn } from './support/fixtures.js';

test('a send’s deliveries name the phone number an SMS went to and the address an email went to', async ({ page, request }) => {
  const auth = { authorization: `Bearer ${E2E_API_KEY}` };
  const externalId = `carol-${Date.now().toString(36)}`;
  const email = `${externalId}@example.com`;
  const phone = '+14155550123';
  expect((await request.put(`/api/v1/users/${externalId}`, { headers: auth, data: { email, name: 'Carol Example', phone } })).status()).toBe(201);
  expect((await request.patch(`/api/v1/users/${externalId}/contact`, { headers: auth, data: { smsConsent: true } })).status()).toBe(200);
  // Security is a critical category: email and SMS go out (no push device).
  const sent = await request.post('/api/v1/notifications', {
    headers: auth,
    data: { to: [{ externalId }], title: 'New sign-in to your account', category: 'security', priority: 'critical' },
  });
  expect(sent.status()).toBe(202);
  const { sendId } = (await sent.json()) as { sendId: string };

  await signIn(page, 'admin@example.com');
  await page.goto(`/admin/sends/${sendId}`);
  const rows = page.getByTestId('send-deliveries-table').getByTestId('delivery-row');
  await expect(rows).toHaveCount(2);
  const sms = rows.filter({ has: page.locator('td[data-label="Channel"]', { hasText: 'SMS' }) });
  const mail = rows.filter({ has: page.locator('td[data-label="Channel"]', { hasText: 'Email' }) });
  await expect(sms.locator('td[data-label="Recipient"]')).toContainText(phone);
  await expect(sms.locator('td[data-label="Recipient"]')).not.toContainText(email);
  await expect(mail.locator('td[data-label="Recipient"]')).toContainText(email);
});
