import { oneLineExcerpt } from '../../../shared/excerpt.js';
import { absoluteActionUrl, inboxUrl } from '../links.js';
import { PermanentDeliveryError, type OutgoingMessage } from '../types.js';

/**
 * UTF-16 code units of `title: body` before the link (what a UCS-2 SMS counts; two concatenated GSM-7
 * segments' worth of plain text), so a long body stays readable.
 */
export const SMS_TEXT_LIMIT = 320;

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The recipient's number if it is E.164; otherwise a PermanentDeliveryError, before any provider is called.
 *
 * @example
 * const to = requireE164(message.recipient.phone); // '+14155550123'
 */
export function requireE164(phone: string | null): string {
  if (!phone) throw new PermanentDeliveryError('The recipient has no phone number');
  if (!E164.test(phone)) throw new PermanentDeliveryError(`Not an E.164 phone number: ${JSON.stringify(phone)}`);
  return phone;
}

/**
 * `title: body`, whitespace collapsed and cut to SMS_TEXT_LIMIT code units on a grapheme boundary (with an
 * ellipsis: never half an emoji, never a lone surrogate), then the absolute action link (or the inbox
 * link) on its own line, and an opt-out hint unless critical.
 *
 * @example
 * composeSmsText(message, 'https://notify.example.com')
 * // 'Sign-in from a new device: Chrome on Linux, Berlin\nhttps://notify.example.com/security'
 */
export function composeSmsText(message: OutgoingMessage, publicUrl: string): string {
  const { title, body, actionUrl, priority } = message.notification;
  const text = oneLineExcerpt(body ? `${title}: ${body}` : title, SMS_TEXT_LIMIT, { wordBreakAfter: 1 });
  const link = absoluteActionUrl(actionUrl, publicUrl) ?? inboxUrl(publicUrl);
  const lines = [text, link];
  if (priority !== 'critical') lines.push('Reply STOP to opt out');
  return lines.join('\n');
}
