import { PermanentDeliveryError } from '../types.js';

/** The channels Twilio's Messages API carries for this app. */
export type TwilioChannelName = 'sms' | 'whatsapp';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The recipient's number if it is E.164; otherwise a PermanentDeliveryError, before any provider is called. */
function requireE164(phone: string | null): string {
  if (!phone) throw new PermanentDeliveryError('The recipient has no phone number');
  if (!E164.test(phone)) throw new PermanentDeliveryError(`Not an E.164 phone number: ${JSON.stringify(phone)}`);
  return phone;
}

/**
 * Twilio's `To` for the channel: the E.164 number for SMS, `whatsapp:+E164` for WhatsApp (the same phone:
 * WhatsApp accounts are phone numbers). Throws PermanentDeliveryError like requireE164.
 *
 * @example
 * twilioAddress('whatsapp', '+14155550123') // 'whatsapp:+14155550123'
 */
export function twilioAddress(channel: TwilioChannelName, phone: string | null): string {
  const number = requireE164(phone);
  return channel === 'whatsapp' ? `whatsapp:${number}` : number;
}
