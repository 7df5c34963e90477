import { expect, test, type Page } from '@playwright/test';
import { newInboxUser } from './support/inboxUser.js';

// Issue 13: WhatsApp has its own opt-in on the preferences page (Meta requires an explicit WhatsApp opt-in),
// apart from SMS consent; given, it opens the WhatsApp column; unticked, it closes it again.

/** The words of one language the page shows. */
interface Words {
  locale: string;
  phone: string;
  save: string;
  label: string;
  none: string;
  noSms: string;
  via: string;
  saved: string;
  billingWhatsApp: string;
  giveConsent: string;
}

const ENGLISH: Words = {
  locale: 'en-US',
  phone: 'Phone number',
  save: 'Save',
  label: 'I agree to receive notifications on WhatsApp',
  none: 'No consent given: you get no WhatsApp messages, whatever the table above says. This consent is separate from SMS consent.',
  noSms: 'No consent given: you get no SMS, whatever the table above says.',
  via: 'via preferences page',
  saved: 'Saved',
  billingWhatsApp: 'Billing: WhatsApp',
  giveConsent: 'Give WhatsApp consent',
};

const FRENCH: Words = {
  locale: 'fr-FR',
  phone: 'Numéro de téléphone',
  save: 'Enregistrer',
  label: 'J’accepte de recevoir des notifications sur WhatsApp',
  none: 'Aucun consentement donné : vous ne recevez aucun message WhatsApp, quoi qu’indique le tableau ci-dessus. Ce consentement est distinct de celui aux SMS.',
  noSms: 'Aucun consentement donné : vous ne recevez aucun SMS, quoi qu’indique le tableau ci-dessus.',
  via: 'via la page des préférences',
  saved: 'Enregistré',
  billingWhatsApp: 'Billing : WhatsApp',
  giveConsent: 'Donnez votre consentement à WhatsApp',
};

async function giveAndWithdraw(page: Page, words: Words) {
  await page.goto('/settings/preferences');
  await page.getByLabel(words.phone).fill('+33612345678');
  await page.getByRole('button', { name: words.save, exact: true }).click();
  const status = page.getByTestId('whatsapp-consent-status');
  await expect(status).toHaveText(words.none);
  // Without WhatsApp consent its switch says why, and the column is closed.
  await expect(page.getByText(words.giveConsent).first()).toBeVisible();
  const billingWhatsApp = page.getByRole('checkbox', { name: words.billingWhatsApp, exact: true });
  await expect(billingWhatsApp).toBeDisabled();

  await page.getByLabel(words.label).check();
  await expect(status).toContainText(words.via);
  await expect(page.getByTestId('preferences-save-status')).toHaveText(words.saved);
  // SMS consent is its own: still not given.
  await expect(page.getByTestId('sms-consent-status')).toHaveText(words.noSms);
  await expect(billingWhatsApp).toBeEnabled();

  // Survives a reload (recorded on the server), then withdrawn.
  await page.reload();
  await expect(page.getByLabel(words.label)).toBeChecked();
  await page.getByLabel(words.label).uncheck();
  await expect(status).toHaveText(words.none);
  await expect(page.getByTestId('preferences-save-status')).toHaveText(words.saved);
  await expect(billingWhatsApp).toBeDisabled();
}

for (const words of [ENGLISH, FRENCH]) {
  test(`WhatsApp consent is given and withdrawn on the preferences page, apart from SMS (${words.locale})`, async ({ browser }) => {
    const { page } = await newInboxUser(browser, { locale: words.locale });
    await giveAndWithdraw(page, words);
  });
}
