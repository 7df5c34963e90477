/**
 * Every reason the server gives for an unreachable channel (server/preferences/reachability.ts) reads in the
 * person's language on the preferences page: an unknown one would be shown as sent, in English.
 */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { serverReason } from '../../../client/src/features/preferences/utils/serverReasons';
import { EXTERNAL_CHANNELS } from '../../../server/channels/types';
import { unreachableReason } from '../../../server/preferences/reachability';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const french = createIntl({ locale: 'fr-FR', messages: fr });
const english = createIntl({ locale: 'en', messages: en });

/** What each channel can say: nothing at all, then a phone without consent. */
const reasons = new Set(
  EXTERNAL_CHANNELS.flatMap((channel) =>
    [
      { email: null, phone: null, smsConsentAt: null, whatsappConsentAt: null, pushDevices: 0, teamsWebhookUrl: null },
      { email: null, phone: '+33612345678', smsConsentAt: null, whatsappConsentAt: null, pushDevices: 0, teamsWebhookUrl: null },
    ].map((reach) => unreachableReason(channel, reach)),
  ).filter((reason): reason is string => reason !== undefined),
);

describe('serverReason', () => {
  it.each([...reasons])('translates "%s"', (reason) => {
    expect(serverReason(english, reason)).toBe(reason);
    expect(serverReason(french, reason)).not.toBe(reason);
  });

  it('says in French to add a Teams webhook URL', () => {
    expect(serverReason(french, 'Add a Microsoft Teams webhook URL')).toBe('Ajoutez une URL de webhook Microsoft Teams');
  });
});
