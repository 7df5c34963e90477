import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { postNotification } from './support/fixtures.js';
import { newInboxUser } from './support/inboxUser.js';

// Issue 11, "French and English", as a French-speaking person meets it: a browser in French, an admin's
// invitation, then every page of the app that is in the catalogs, in French; choosing "English" in the
// preferences switches the app at once, "Automatique" brings French back. What is sent follows the
// person's language too: the dev outbox holds their email and SMS in French. The admin pages too: a French
// admin composes a notification with a button to herself, reads its detail and the Sent list, and edits a
// category's escalation (refused, then cancelled: the shared categories stay as they are).

test.use({ locale: 'fr-FR' });

const PASSWORD = 'un mot de passe long et personnel';

/** The newest dev-outbox email to `to` with this subject, as the admin's outbox API lists it. */
async function outboxLink(admin: APIRequestContext, to: string, subject: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const outbox = (await (await admin.get('/api/admin/outbox?channel=email&limit=50')).json()) as { items: { to: string; subject: string; text: string }[] };
      const mail = outbox.items.find((m) => m.to === to && m.subject === subject);
      link = (mail && /(https?:\/\/\S+\/invitation#token=[\w.-]+)/.exec(mail.text)?.[1]) ?? '';
      return link;
    })
    .toContain('/invitation#token=');
  return link;
}

/** Opens an admin page from the navigation and waits for its heading. */
async function openAdminPage(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('group', { name: 'Administration' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

test('a French browser gets the app, its emails and its SMS in French; choosing English switches live', async ({ page, playwright, baseURL }) => {
  test.slow();
  const run = randomUUID().slice(0, 8);
  const email = `francoise-${run}@example.com`;
  const title = `Alerte ${run}`;

  // An admin invites Françoise as an admin (over the API, without a browser language: nothing changes his).
  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'flashnotify' } })).status()).toBe(200);
  const { csrfToken } = (await (await admin.get('/api/auth/session')).json()) as { csrfToken: string };
  const invited = await admin.post('/api/admin/invitations', { headers: { 'x-csrf-token': csrfToken }, data: { email, name: 'Françoise Dupont', role: 'admin' } });
  expect(invited.status()).toBe(201);
  // The emailed link names the server's PUBLIC_URL host; the test browses the same server by its baseURL.
  const emailed = new URL(await outboxLink(admin, email, 'You are invited to FlashNotify'));
  const link = `${emailed.pathname}${emailed.hash}`;

  // Sign-in and forgot-password pages, before anyone is signed in.
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(page.getByRole('heading', { name: 'Connectez-vous à votre boîte de réception' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comptes de démonstration' })).toContainText('mot de passe flashnotify');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { name: 'Mot de passe oublié ?' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByRole('alert')).toHaveText('Saisissez une adresse e-mail valide.');
  await page.getByRole('link', { name: 'Retour à la connexion' }).click();
  await page.getByLabel('E-mail').fill('personne@example.com');
  await page.getByLabel('Mot de passe').fill('faux');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  // The invitation.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Acceptez votre invitation' })).toBeVisible();
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('alert')).toHaveText('12 caractères au minimum');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Répétez le nouveau mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('heading', { name: 'Votre compte est prêt' })).toBeVisible();
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('connection-status')).toHaveText('Connecté');

  // The shell.
  const nav = page.getByRole('navigation', { name: 'Principale' });
  await expect(nav.getByRole('link', { name: 'Boîte de réception' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeAttached();

  // The inbox: its page, tabs, density, day section, bell and tab title in French.
  await expect(page.getByRole('heading', { level: 1, name: 'Boîte de réception' })).toBeVisible();
  await expect(page.getByTestId('inbox-summary')).toHaveText('Vous êtes à jour.');
  await expect(page.getByRole('tab', { name: 'Non lues' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Densité' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications, 0 non lue' })).toBeVisible();
  await expect(page).toHaveTitle('Boîte de réception · FlashNotify');
  // The shortcuts help names its keys in French (one-character keys as typed).
  await page.locator('main').focus();
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(shortcuts.locator('kbd')).toContainText(['j', 'k', 'Entrée', 'o', 'e', 'u', 'x', 's', '#', 'Suppr', 'Échap', '?', '/']);
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  // Preferences: French, then English chosen (live), then "Automatique" again.
  await nav.getByRole('link', { name: 'Préférences' }).click();
  await expect(page.getByRole('heading', { name: 'Préférences de notification' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Canaux' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Notifications par e-mail' })).toBeVisible();
  await expect(page.getByTestId('preferences-save-status')).toHaveText('Les modifications sont enregistrées automatiquement');
  const language = page.getByLabel('Langue', { exact: true });
  await language.selectOption('en');
  await expect(page.getByRole('heading', { name: 'Notification preferences' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Preferences' })).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('');
  await expect(page.getByRole('heading', { name: 'Préférences de notification' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(language).toHaveValue('');
  await expect(language.locator('option:checked')).toHaveText(/^Automatique \(Français/);
  // What is sent follows the browser again from the next start of the app (the server learns the browser's
  // language at sign-in and app start; the "Automatique" choice itself does not carry it).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Préférences de notification' })).toBeVisible();

  // Contact points: a phone number and SMS consent, then SMS for billing notifications.
  await expect(page.getByRole('heading', { name: 'Coordonnées' })).toBeVisible();
  await page.getByLabel('Numéro de téléphone').fill('+33612345678');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('sms-consent-status')).toHaveText('Aucun consentement donné : vous ne recevez aucun SMS, quoi qu’indique le tableau ci-dessus.');
  await page.getByLabel('J’accepte de recevoir des notifications par SMS').check();
  await expect(page.getByTestId('sms-consent-status')).toContainText('via la page des préférences');
  await expect(page.getByTestId('preferences-save-status')).toHaveText('Enregistré');
  const billingSms = page.getByRole('checkbox', { name: 'Billing : SMS', exact: true });
  await expect(billingSms).toBeEnabled();
  if (!(await billingSms.isChecked())) await billingSms.check();
  await expect(billingSms).toBeChecked();
  await expect(page.getByTestId('preferences-save-status')).toHaveText('Enregistré');

  // Account and devices.
  await nav.getByRole('link', { name: 'Compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Changer le mot de passe' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Où vous êtes connecté' })).toBeVisible();
  await expect(page.getByTestId('session').first()).toContainText('Cet appareil');
  await expect(page.getByTestId('session').first()).toContainText('actif maintenant');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('alert').first()).toHaveText('Saisissez votre mot de passe actuel');
  await nav.getByRole('link', { name: 'Appareils' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications push' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vos appareils' })).toBeVisible();
  await expect(page.getByTestId('push-permission')).toContainText('Autorisation du navigateur');

  // Admin pages in the catalogs.
  await openAdminPage(page, 'Clés d’API', 'Clés d’API');
  await expect(page.getByRole('heading', { name: 'Créer une clé d’API' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Portées' })).toBeVisible();
  await openAdminPage(page, 'Jetons utilisateur', 'Jetons utilisateur');
  await expect(page.getByRole('heading', { name: 'Créer un secret de signature' })).toBeVisible();
  await openAdminPage(page, 'Utilisateurs', 'Utilisateurs');
  await expect(page.getByRole('heading', { name: 'Inviter des personnes' })).toBeVisible();
  await expect(page.getByTestId('invitation-row').filter({ hasText: email })).toContainText('Acceptée');
  await page.getByPlaceholder('Rechercher par nom, e-mail ou identifiant externe').fill(email);
  await expect(page.getByTestId('user-row').filter({ hasText: email })).toContainText('vous');
  await expect(page.getByRole('combobox', { name: 'Rôle de Françoise Dupont' })).toHaveValue('admin');
  await openAdminPage(page, 'Sujets', 'Sujets');
  await expect(page.getByRole('heading', { name: 'Nouveau sujet' })).toBeVisible();
  await openAdminPage(page, 'Remises', 'Remises');
  await expect(page.getByRole('switch', { name: 'E-mail activé' })).toBeVisible();


  // A critical notification (email and SMS) and a billing one (SMS, with the opt-out hint), sent by a service.
  await postNotification(page.request, { to: [{ email }], title, body: 'Le serveur ne répond plus', priority: 'critical' });
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: title }).getByRole('button', { name: 'Voir' })).toBeVisible();
  await postNotification(page.request, { to: [{ email }], title: `Facture ${run}`, category: 'billing' });

  await openAdminPage(page, 'Boîte d’envoi de dév.', 'Boîte d’envoi de dév.');
  await expect(page.getByRole('note')).toContainText('Aucun fournisseur d’e-mail, de SMS ni Slack n’est configuré');
  const criticalEmail = page.getByTestId('outbox-message').filter({ hasText: `[Critique] ${title}` });
  const billingSmsMessage = page.getByTestId('outbox-message').filter({ hasText: `Facture ${run}` }).and(page.locator('[data-channel="sms"]'));
  // The worker writes them in a moment: wait for both (through the outbox API the page reads), then look.
  await expect
    .poll(async () => {
      const outbox = (await (await admin.get('/api/admin/outbox?limit=50')).json()) as { items: { to: string; channel: string }[] };
      return outbox.items.filter((m) => m.to === email || m.to === '+33612345678').map((m) => m.channel).sort();
    }, { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['email', 'sms', 'sms']));
  await page.reload();
  await expect(criticalEmail).toBeVisible();
  await expect(billingSmsMessage).toBeVisible();
  await expect(criticalEmail).toContainText(`À ${email}`);
  await criticalEmail.getByText('Partie texte brut').click();
  await expect(criticalEmail.locator('pre')).toContainText('Critique');
  await expect(billingSmsMessage).toContainText('SMS à +33612345678');
  await expect(billingSmsMessage).toContainText('Répondez STOP pour ne plus recevoir de SMS');

  // A path the app has no page for.
  await page.goto('/une-page-qui-n-existe-pas');
  await expect(page.getByText('Cette page n’existe pas')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Retour à la boîte de réception' })).toBeVisible();
  await admin.dispose();
});

test('the admin pages in French: the composer, a send’s detail, Sent and Categories, with French plurals and numbers', async ({ browser }) => {
  test.slow();
  // A new admin who has chosen no language: the French browser decides.
  const { page, email } = await newInboxUser(browser, { locale: 'fr-FR' }, 'admin');
  const composed = `Demande de congés ${randomUUID().slice(0, 8)}`;

  // The composer: its own checks, the reach estimate (a plural), the preview and the result, in French.
  await openAdminPage(page, 'Rédiger', 'Rédiger une notification');
  await expect(page.getByRole('heading', { name: 'Qui', exact: true })).toBeVisible();
  await expect(page.getByTestId('reach-estimate')).toHaveText('Choisissez des destinataires pour connaître la portée.');
  await page.getByRole('button', { name: 'Envoyer la notification' }).click();
  await expect(page.getByTestId('compose-error')).toHaveText('Non envoyée. Corrigez les champs signalés.');
  await expect(page.locator('#compose-title-error')).toHaveText('Donnez un titre à la notification.');
  await page.getByRole('combobox', { name: 'Rechercher des personnes' }).fill(email);
  await page.getByRole('option', { name: new RegExp(email) }).click();
  await expect(page.getByTestId('reach-estimate')).toHaveText('Atteindra 1 personne');
  await page.getByLabel('Titre', { exact: true }).fill(composed);
  await page.getByLabel('Texte', { exact: true }).fill('Merci de répondre avant vendredi.');
  await page.getByRole('button', { name: 'Ajouter un bouton' }).click();
  await page.getByLabel('Libellé du bouton 1').fill('Accepter');
  const preview = page.getByTestId('compose-preview');
  await expect(preview.getByRole('heading', { name: 'Aperçu' })).toBeVisible();
  await expect(preview).toContainText('pour Alex Example');
  await page.getByLabel('Envoyer plus tard').check();
  await expect(page.getByRole('button', { name: 'Programmer la notification' })).toBeVisible();
  await expect(page.getByText('Votre fuseau horaire :')).toBeVisible();
  await page.getByLabel('Envoyer plus tard').uncheck();
  await page.getByRole('button', { name: 'Envoyer la notification' }).click();
  await expect(page.getByTestId('compose-result')).toContainText('Envoyée à 1 personne');

  // Its detail: facts, counts (« 0 personne »: French counts zero as singular), a percentage, read states.
  await page.getByRole('link', { name: 'Voir le détail de l’envoi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: composed })).toBeVisible();
  const fact = (label: string) => page.locator('.facts__row', { has: page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
  await expect(fact('Envoyé par')).toContainText('Administrateur');
  await expect(fact('À')).toHaveText('1 utilisateur');
  await expect(fact('Destinataires')).toHaveText('1 personne');
  await expect(fact('Taux de lecture')).toHaveText(/^0\s%$/);
  await expect(page.getByTestId('send-action-counts').locator('[data-action-id="accepter"] dd')).toHaveText('0 personne');
  await expect(page.getByTestId('send-status')).toHaveText('Envoyé');
  await expect(page.getByTestId('send-recipients').getByRole('columnheader', { name: 'Lecture' })).toBeVisible();
  await expect(page.getByTestId('send-recipients').locator('tbody tr')).toContainText(['Non lue']);

  // The Sent list.
  await openAdminPage(page, 'Envoyés', 'Envoyés');
  await expect(page.getByLabel('Statut').locator('option:checked')).toHaveText('Tous les statuts');
  await expect(page.getByRole('columnheader', { name: 'Expéditeur' })).toBeVisible();
  const sentRow = page.getByTestId('send-row').filter({ hasText: composed });
  await expect(sentRow).toContainText('Administrateur');
  await expect(sentRow.getByTestId('send-status')).toHaveText('Envoyé');
  await expect(sentRow.locator('td[data-label="Taux de lecture"]')).toHaveText(/^0\s%$/);

  // The audit log names the send and its recorded fields in French, not by their codes.
  await openAdminPage(page, 'Journal d’audit', 'Journal d’audit');
  const sendEvent = page.locator('[data-testid="audit-row"][data-action="send.created"]').filter({ hasText: email }).first();
  await expect(sendEvent).toContainText('Notification envoyée');
  await expect(sendEvent).toContainText(/Destinataires\s:\s1/);
  await expect(sendEvent).toContainText(/Statut\s:/);
  await expect(sendEvent).not.toContainText('send.created');
  await expect(sendEvent).not.toContainText('recipientCount');

  // Categories: the table, and an escalation ladder refused in French (then the edit is cancelled).
  await openAdminPage(page, 'Catégories', 'Catégories');
  await expect(page.getByRole('heading', { name: 'Nouvelle catégorie' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Canaux par défaut' })).toBeVisible();
  const security = page.locator('[data-testid="category-row"][data-key="security"]');
  await expect(security).toContainText('Critique');
  await expect(security.locator('.chip')).toHaveText(['Dans l’application', 'E-mail', 'SMS', 'Push']);
  const billing = page.locator('[data-testid="category-row"][data-key="billing"]');
  await expect(billing).toContainText('Non');
  await billing.getByRole('button', { name: 'Modifier Billing' }).click();
  const editing = page.getByRole('form', { name: 'Modifier la catégorie billing' });
  await editing.getByRole('button', { name: 'Ajouter une étape d’escalade' }).click();
  await editing.getByRole('button', { name: 'Ajouter une étape', exact: true }).click();
  await expect(editing.getByTestId('escalation-editor')).toContainText('Ne s’applique que si la catégorie est critique.');
  await editing.getByLabel('Délai de l’étape 1 en minutes').fill('10');
  await editing.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(editing.locator('.field__error')).toHaveText('L’étape 2 arrive avant l’étape 1 : mettez les étapes dans l’ordre chronologique.');
  await editing.getByRole('button', { name: 'Annuler' }).click();
  await expect(billing).toBeVisible();
  await page.context().close();
});
