/**
 * The admin pages' texts made in code (client/src/features/admin/utils): counts of people, recipients,
 * escalation ladders and the composer's own checks, in the reader's language with its number formats.
 */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { buildComposerInput, EMPTY_COMPOSER } from '../../../client/src/features/admin/utils/composerInput';
import { ESCALATION_CHANNELS, ladderSteps, newStep, parseLadder } from '../../../client/src/features/admin/utils/escalation';
import { EXTERNAL_CHANNEL_NAMES } from '../../../shared/schemas/delivery';
import { formatPeople } from '../../../client/src/features/admin/utils/format';
import { describeRecipients } from '../../../client/src/features/admin/utils/recipients';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const english = createIntl({ locale: 'en', messages: en });
const french = createIntl({ locale: 'fr-FR', messages: fr });
// French groups thousands with a narrow no-break space (CLDR), not a comma.
const NNBSP = '\u202f';
/** The catalogs' typographic no-break spaces inside « » and before : ; ? ! % as plain ones (digits keep theirs). */
const plain = (text: string) => text.replace(/[\u00a0\u202f](?=[:;?!»%])|(?<=«)[\u00a0\u202f]/g, ' ');
const plainAll = (texts: Record<string, string | undefined>) => Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text && plain(text)]));

describe('formatPeople', () => {
  it('counts people with plurals and the reader’s digits', () => {
    expect([0, 1, 1204].map((count) => formatPeople(english, count))).toEqual(['0 people', '1 person', '1,204 people']);
    expect([0, 1, 1204].map((count) => formatPeople(french, count))).toEqual(['0 personne', '1 personne', `1${NNBSP}204 personnes`]);
  });
});

describe('describeRecipients', () => {
  const to = [{ userId: 'u1' }, { userId: 'u2' }, { topic: 'ops' }, { email: 'ann@example.com' }];

  it('says who a send went to as a list in the reader’s language', () => {
    expect(describeRecipients(english, to)).toBe('2 users, Topic “ops”, and ann@example.com');
    expect(plain(describeRecipients(french, to))).toBe('2 utilisateurs, Sujet « ops » et ann@example.com');
    expect(describeRecipients(french, [{ all: true }])).toBe('Tout le monde');
    expect(describeRecipients(french, [{ externalId: 'crm-7' }])).toBe('Identifiant externe crm-7');
  });
});

describe('escalation ladders', () => {
  const steps = [
    { channel: 'push' as const, afterMinutes: 0 },
    { channel: 'email' as const, afterMinutes: 90 },
    { channel: 'sms' as const, afterMinutes: 120 },
  ];

  it('shows each step with its channel’s name and delay', () => {
    expect(ladderSteps(english, steps)).toEqual(['Push 0 min', 'Email 1 h 30 min', 'SMS 2 h']);
    expect(ladderSteps(french, steps)).toEqual(['Push 0 min', 'E-mail 1 h 30 min', 'SMS 2 h']);
  });

  it('offers every external channel as a step (Slack, Teams, WhatsApp…), push, email and SMS first', () => {
    expect([...ESCALATION_CHANNELS].sort()).toEqual([...EXTERNAL_CHANNEL_NAMES].sort());
    expect(ESCALATION_CHANNELS.slice(0, 3)).toEqual(['push', 'email', 'sms']);
    const used = ['push', 'email', 'sms'].map((channel, id) => ({ id, channel: channel as 'push', afterMinutes: String(id * 5) }));
    expect(newStep(used)).toMatchObject({ channel: ESCALATION_CHANNELS[3], afterMinutes: '15' });
  });

  it('explains a ladder it refuses in the reader’s language', () => {
    const draft = [
      { id: 1, channel: 'push' as const, afterMinutes: '10' },
      { id: 2, channel: 'email' as const, afterMinutes: '5' },
    ];
    expect(plainAll(parseLadder(french, draft) as { error: string })).toEqual({
      error: 'L’étape 2 arrive avant l’étape 1 : mettez les étapes dans l’ordre chronologique.',
    });
    expect(plainAll(parseLadder(french, [{ id: 3, channel: 'sms', afterMinutes: '1.5' }]) as { error: string })).toEqual({
      error: `Étape 1 : saisissez un nombre entier de minutes de 0 à 10${NNBSP}080 (une semaine).`,
    });
    expect(parseLadder(english, draft)).toEqual({ error: 'Step 2 comes earlier than step 1: put the steps in time order.' });
  });
});

describe('the composer’s own checks', () => {
  it('words each complaint in the reader’s language, keeping a shared rule’s reason as the server words it', () => {
    const state = {
      ...EMPTY_COMPOSER,
      actionUrl: '/a\\b',
      data: '[1]',
      actions: [{ label: '', kind: 'acknowledge' as const, url: '', style: 'primary' as const }],
    };
    expect(plainAll(buildComposerInput(french, state).errors ?? {})).toEqual({
      to: 'Choisissez au moins une personne.',
      title: 'Donnez un titre à la notification.',
      actionUrl: 'Must not contain a backslash. Utilisez un lien http(s) ou un chemin de cette application commençant par « / ».',
      data: 'Utilisez un objet JSON, par exemple {"orderId": 42}.',
      actions: 'Bouton 1 : donnez-lui un libellé.',
    });
    expect(buildComposerInput(english, { ...EMPTY_COMPOSER, mode: 'topic', title: 'Hi', sendLater: true, sendAt: '' }).errors).toEqual({
      to: 'Choose a topic.',
      scheduledAt: 'Pick a date and time.',
    });
  });
});
