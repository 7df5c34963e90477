import { expect, test, type Page } from '@playwright/test';
import { postNotification } from './support/fixtures.js';
import { newInboxUser, setCreatedAt } from './support/inboxUser.js';

// Issue 11: screenshots of the inbox in light, dark and compact at a laptop's and a phone's size, in English
// and in French (a French browser, French notifications), and of the French composer and send detail, saved
// in test-results/screenshots/ for people to look at before the issue is called done. Not compared to a
// reference (fonts and anti-aliasing differ between machines): the test checks each was taken.

const DAY = 86_400_000;
type Sample = { title: string; body?: string; category?: string; priority?: 'high' | 'critical'; actionUrl?: string; daysAgo: number; read?: boolean };

const SAMPLES: Sample[] = [
  { title: 'Quarterly report is ready', body: 'The Q3 report was generated and shared with the finance team.', category: 'billing', daysAgo: 12, read: true },
  { title: 'Password changed', body: 'Your password was changed from a new device in Lyon.', priority: 'high', daysAgo: 9, read: true },
  { title: 'Weekly digest', body: '14 notifications you may have missed this week.', daysAgo: 4, read: true },
  { title: 'Invoice #1042 was paid', body: 'Acme Corp paid 1,250.00 EUR by card.', category: 'billing', daysAgo: 3 },
  { title: 'New sign-in from Firefox on Linux', body: 'If this was not you, end the session from your account page.', priority: 'high', actionUrl: '/settings/account', daysAgo: 2 },
  { title: 'Maya mentioned you in “Launch plan”', body: '“@you can you check the rollout dates before Friday?”', daysAgo: 1 },
  { title: 'Nightly backup completed', body: 'All 3 databases were backed up in 4 min 12 s.', daysAgo: 1, read: true },
  { title: 'Storage almost full', body: 'The media bucket is at 92% of its quota. Older uploads can be archived.', priority: 'critical', daysAgo: 0 },
  { title: 'Deploy #218 succeeded', body: 'main → production in 3 min. 12 commits, 2 migrations.', daysAgo: 0, read: true },
  { title: 'Payment failed for invoice #1043', body: 'The card was declined. We will retry in 24 hours.', category: 'billing', priority: 'high', daysAgo: 0 },
  { title: 'Léa shared “Design review notes” with you', daysAgo: 0 },
  { title: 'Build failed on branch feature/inbox-search', body: 'Step “unit tests” failed: 2 tests of 1,204.', actionUrl: '/settings/devices', daysAgo: 0 },
  { title: 'New comment on “Pricing page copy”', body: 'Sam: “Shorter is better here — can we cut the second paragraph?”', daysAgo: 0 },
  { title: 'Your export is ready to download', body: 'notifications-2026-12.csv (2.4 MB) is available for 7 days.', daysAgo: 0 },
];

/**
 * The same inbox as a French team would get it (French is ~20% longer, which is what the shots check), typed
 * as French is printed: no-break spaces inside « » and before « : ? % », thin ones in numbers.
 */
const SAMPLES_FR: Sample[] = [
  { title: 'Le rapport trimestriel est prêt', body: 'Le rapport du T3 a été généré et partagé avec l’équipe financière.', category: 'billing', daysAgo: 12, read: true },
  { title: 'Mot de passe modifié', body: 'Votre mot de passe a été modifié depuis un nouvel appareil à Lyon.', priority: 'high', daysAgo: 9, read: true },
  { title: 'Récapitulatif hebdomadaire', body: '14 notifications que vous avez peut-être manquées cette semaine.', daysAgo: 4, read: true },
  { title: 'La facture n°\u00a01042 a été payée', body: 'Acme SARL a payé 1\u202f250,00 EUR par carte.', category: 'billing', daysAgo: 3 },
  { title: 'Nouvelle connexion depuis Firefox sous Linux', body: 'Si ce n’était pas vous, fermez la session depuis la page de votre compte.', priority: 'high', actionUrl: '/settings/account', daysAgo: 2 },
  { title: 'Maya vous a mentionné dans «\u00a0Plan de lancement\u00a0»', body: '«\u00a0@vous, pouvez-vous vérifier les dates de déploiement avant vendredi\u00a0?\u00a0»', daysAgo: 1 },
  { title: 'Sauvegarde nocturne terminée', body: 'Les 3 bases de données ont été sauvegardées en 4 min 12 s.', daysAgo: 1, read: true },
  { title: 'Stockage presque plein', body: 'Le bucket des médias est à 92\u00a0% de son quota. Les anciens fichiers peuvent être archivés.', priority: 'critical', daysAgo: 0 },
  { title: 'Déploiement n°\u00a0218 réussi', body: 'main → production en 3 min. 12 commits, 2 migrations.', daysAgo: 0, read: true },
  { title: 'Échec du paiement de la facture n°\u00a01043', body: 'La carte a été refusée. Nouvel essai dans 24 heures.', category: 'billing', priority: 'high', daysAgo: 0 },
  { title: 'Léa a partagé «\u00a0Notes de revue de conception\u00a0» avec vous', daysAgo: 0 },
  { title: 'Échec de la compilation sur la branche feature/inbox-search', body: 'Étape «\u00a0tests unitaires\u00a0» en échec\u00a0: 2 tests sur 1\u202f204.', actionUrl: '/settings/devices', daysAgo: 0 },
  { title: 'Nouveau commentaire sur «\u00a0Texte de la page Tarifs\u00a0»', body: 'Sam\u00a0: «\u00a0Plus court, c’est mieux ici — on peut couper le deuxième paragraphe\u00a0?\u00a0»', daysAgo: 0 },
  { title: 'Votre export est prêt à être téléchargé', body: 'notifications-2026-12.csv (2,4 Mo) est disponible pendant 7 jours.', daysAgo: 0 },
];

/** Each language's shots: its file name part, browser locale, notifications and the words of the controls used. */
const LANGUAGES = [
  {
    name: 'English',
    file: '',
    locale: undefined,
    samples: SAMPLES,
    words: { theme: 'Theme', dark: 'Dark theme', light: 'Light theme', compact: 'Compact', comfortable: 'Comfortable', shortcuts: 'Keyboard shortcuts', arrived: 'Just arrived' },
  },
  {
    name: 'French',
    file: 'fr-',
    locale: 'fr-FR',
    samples: SAMPLES_FR,
    words: { theme: 'Thème', dark: 'Thème sombre', light: 'Thème clair', compact: 'Compacte', comfortable: 'Confortable', shortcuts: 'Raccourcis clavier', arrived: 'Tout juste arrivée' },
  },
];

async function seed(page: Page, email: string, samples: Sample[]): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  for (const { daysAgo, read, ...sample } of samples) {
    const [id] = await postNotification(page.request, { to: [{ email }], ...sample });
    if (daysAgo > 0) setCreatedAt([id!], new Date(Date.now() - daysAgo * DAY));
    if (read) {
      const res = await page.request.patch(`/api/notifications/${id}`, { headers: { 'x-csrf-token': csrfToken }, data: { read: true } });
      expect(res.status()).toBe(200);
    }
  }
}

/** Saves a screenshot of `page` under test-results/screenshots/ and lists it in the test's annotations. */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = `test-results/screenshots/${name}.png`;
  // A full page is taken from the top: scrolled, the sticky header would be drawn halfway down.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, animations: 'disabled', fullPage });
  test.info().annotations.push({ type: 'screenshot', description: path });
}

for (const { name, file, locale, samples, words } of LANGUAGES) {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`screenshots of the inbox in ${name} at ${viewport.width}×${viewport.height}: light, dark, compact`, async ({ browser }) => {
      // A fresh account, fourteen notifications and seven screenshots.
      test.slow();
      const { page, email } = await newInboxUser(browser, { viewport, colorScheme: 'light', locale });
      await seed(page, email, samples);
      await page.reload();
      await expect(page.getByTestId('notification-item')).toHaveCount(samples.length);
      const inboxShot = (what: string) => shot(page, `inbox-${file}${viewport.width}x${viewport.height}-${what}`);
      const theme = page.getByRole('group', { name: words.theme, exact: true });
      await inboxShot('light');
      await theme.getByRole('button', { name: words.dark }).click();
      await inboxShot('dark');
      await page.getByRole('button', { name: words.compact }).click();
      await inboxShot('dark-compact');
      await theme.getByRole('button', { name: words.light }).click();
      await inboxShot('light-compact');
      // The "N new" pill and the bell popover, in dark.
      await theme.getByRole('button', { name: words.dark }).click();
      await page.getByRole('button', { name: words.comfortable }).click();
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      await page.mouse.wheel(0, 700);
      await expect(page.getByTestId('notification-item').first()).not.toBeInViewport();
      await postNotification(page.request, { to: [{ email }], title: words.arrived });
      await expect(page.getByTestId('new-items-pill')).toBeVisible();
      await inboxShot('dark-new-pill');
      await page.getByTestId('new-items-pill').click();
      await page.getByRole('button', { name: /^Notifications,/ }).click();
      await expect(page.getByTestId('bell-item').first()).toBeVisible();
      await inboxShot('dark-bell');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: words.shortcuts })).toBeVisible();
      await inboxShot('dark-shortcuts');
      await page.context().close();
    });
  }
}

test('screenshots of the admin pages in French at 1280×800: the composer (empty, filled, refused), a send’s detail, Sent, Categories', async ({ browser }) => {
  // A fresh admin (no language chosen: the French browser decides), a send with two buttons, six shots.
  test.slow();
  // Reduced motion: the composer scrolls its result into view at once rather than smoothly, so the shot shows it.
  const context = { viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'fr-FR', reducedMotion: 'reduce' } as const;
  const { page, email } = await newInboxUser(browser, context, 'admin');
  await page.goto('/admin/compose');
  await expect(page.getByRole('heading', { level: 1, name: 'Rédiger une notification' })).toBeVisible();
  await shot(page, 'admin-fr-compose-empty', true);
  // Refused by the browser's own checks: the alert and the field errors.
  await page.getByRole('button', { name: 'Envoyer la notification' }).click();
  await expect(page.getByTestId('compose-error')).toBeVisible();
  // Focus lands on the first field to fix (the people search, whose list opens): closed, the errors show.
  await page.keyboard.press('Escape');
  await expect(page.locator('#compose-title-error')).toBeVisible();
  await shot(page, 'admin-fr-compose-refused', true);

  await page.getByRole('combobox', { name: 'Rechercher des personnes' }).fill(email);
  await page.getByRole('option', { name: new RegExp(email) }).click();
  await expect(page.getByTestId('reach-estimate')).toHaveText('Atteindra 1 personne');
  await page.getByLabel('Catégorie').selectOption('billing');
  await page.getByLabel('Priorité').selectOption('high');
  await page.getByLabel('Titre', { exact: true }).fill('Validation de la facture n°\u00a01042 avant le virement');
  await page.getByLabel('Texte', { exact: true }).fill('Bonjour {{recipient.name}}, la facture de 1\u202f250,00\u00a0EUR attend votre accord avant vendredi.');
  await page.getByLabel('Lien d’action').fill('/factures/1042');
  await page.getByRole('button', { name: 'Ajouter un bouton' }).click();
  await page.getByLabel('Libellé du bouton 1').fill('Approuver');
  await page.getByRole('button', { name: 'Ajouter un bouton' }).click();
  await page.getByLabel('Libellé du bouton 2').fill('Refuser');
  await page.getByLabel('Envoyer plus tard').check();
  await page.getByText('Données du modèle').click();
  await shot(page, 'admin-fr-compose-filled', true);
  await page.getByLabel('Envoyer plus tard').uncheck();
  await page.getByRole('button', { name: 'Envoyer la notification' }).click();
  await expect(page.getByTestId('compose-result')).toContainText('Envoyée à 1 personne');
  await expect(page.getByTestId('compose-result')).toBeInViewport();
  await shot(page, 'admin-fr-compose-sent');

  await page.getByRole('link', { name: 'Voir le détail de l’envoi' }).click();
  await expect(page.getByTestId('send-action-counts')).toBeVisible();
  await expect(page.getByTestId('send-recipients')).toBeVisible();
  await shot(page, 'admin-fr-send-detail', true);
  await page.goto('/admin/sends');
  await expect(page.getByTestId('send-row').first()).toBeVisible();
  await shot(page, 'admin-fr-sends');
  await page.goto('/admin/categories');
  await expect(page.getByTestId('category-row').first()).toBeVisible();
  await page.locator('[data-testid="category-row"][data-key="billing"]').getByRole('button', { name: 'Modifier Billing' }).click();
  const editing = page.getByRole('form', { name: 'Modifier la catégorie billing' });
  await editing.getByRole('button', { name: 'Ajouter une étape d’escalade' }).click();
  await editing.getByRole('button', { name: 'Ajouter une étape', exact: true }).click();
  await shot(page, 'admin-fr-categories', true);
  await page.context().close();
});
