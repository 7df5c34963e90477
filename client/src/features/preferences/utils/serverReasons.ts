import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messageIds';

// The server words these (English) in the preferences it answers: why a channel or a box is unavailable or
// locked, and how SMS consent was given. A known one reads in the person's language; another, as sent.
const REASONS: Record<string, MessageId> = {
  'Add an email address': 'preferences.reason.addEmail',
  'Add a phone number': 'preferences.reason.addPhone',
  'Give SMS consent': 'preferences.reason.giveConsent',
  'Give WhatsApp consent': 'preferences.reason.giveWhatsappConsent',
  'Enable push on a device': 'preferences.reason.enablePush',
  'Add a Microsoft Teams webhook URL': 'preferences.reason.addTeamsWebhook',
  'Critical: always delivered to your inbox': 'preferences.reason.criticalInApp',
  'Critical: sent wherever you have an address, device or consent': 'preferences.reason.criticalExternal',
};

const CONSENT_SOURCES: Record<string, MessageId> = {
  'preferences page': 'preferences.consent.source.page',
  api: 'preferences.consent.source.api',
};

/**
 * A server's reason for an unavailable channel or a locked box, in the reader's language when known.
 *
 * @example
 * serverReason(intl, 'Add a phone number'); // "Ajoutez un numéro de téléphone"
 */
export function serverReason(intl: IntlShape, reason: string): string {
  const id = REASONS[reason];
  return id ? intl.formatMessage({ id }) : reason;
}

/** How SMS or WhatsApp consent was given ("preferences page", "api"), in the reader's language when known. */
export function consentSource(intl: IntlShape, source: string): string {
  const id = CONSENT_SOURCES[source];
  return id ? intl.formatMessage({ id }) : source;
}
