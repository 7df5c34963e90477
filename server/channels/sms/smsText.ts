import { absoluteActionUrl, inboxUrl } from '../links.js';
import { PermanentDeliveryError, type OutgoingMessage } from '../types.js';

/** Characters of `title: body` before the link: two concatenated GSM-7 segments' worth, so a long body stays readable. */
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
 * `title: body`, whitespace collapsed and cut to SMS_TEXT_LIMIT characters (with an ellipsis), then the
 * absolute action link (or the inbox link) on its own line, and an opt-out hint unless the notification
 * is critical or its category is locked (critical categories cannot be opted out of, so none is offered).
 *
 * @example
 * composeSmsText(message, 'https://notify.example.com')
 * // 'Sign-in from a new device: Chrome on Linux, Berlin\nhttps://notify.example.com/security'
 */
export function composeSmsText(message: OutgoingMessage, publicUrl: string, { categoryLocked = false }: { categoryLocked?: boolean } = {}): string {
  const { title, body, actionUrl, priority } = message.notification;
  const text = truncate(oneLine(body ? `${title}: ${body}` : title), SMS_TEXT_LIMIT);
  const link = absoluteActionUrl(actionUrl, publicUrl) ?? inboxUrl(publicUrl);
  const lines = [text, link];
  if (priority !== 'critical' && !categoryLocked) lines.push('Reply STOP to opt out');
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts by code points, so an emoji is never split into half a surrogate pair. */
function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  return `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}
