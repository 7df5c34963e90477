/** The channels that reach a phone number and need the person's recorded consent for it. */
export type PhoneConsentChannel = 'sms' | 'whatsapp';

/**
 * Where each phone channel's consent lives: the User columns (when, how), the contact input's field, and the
 * channel's name in messages. SMS and WhatsApp consents are separate records (Meta requires an explicit
 * WhatsApp opt-in); a new phone number clears both.
 */
export const PHONE_CONSENTS = {
  sms: { at: 'smsConsentAt', source: 'smsConsentSource', input: 'smsConsent', label: 'SMS' },
  whatsapp: { at: 'whatsappConsentAt', source: 'whatsappConsentSource', input: 'whatsappConsent', label: 'WhatsApp' },
} as const satisfies Record<PhoneConsentChannel, { at: string; source: string; input: string; label: string }>;

/** True for the channels whose sends need the person's recorded phone consent. */
export function isPhoneConsentChannel(channel: string): channel is PhoneConsentChannel {
  return Object.hasOwn(PHONE_CONSENTS, channel);
}
