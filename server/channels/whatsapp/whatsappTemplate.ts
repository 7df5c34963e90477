import { oneLineExcerpt } from '../../../shared/excerpt.js';
import { absoluteActionUrl, inboxUrl } from '../links.js';
import type { OutgoingMessage } from '../types.js';

/** A variable's cap, in UTF-16 code units: WhatsApp refuses a template whose text passes 1,024 (Twilio 63021). */
const TITLE_MAX = 120;
const BODY_MAX = 600;
const LINK_MAX = 250;

/**
 * The `ContentVariables` of the approved template TWILIO_WHATSAPP_CONTENT_SID: `1` the title, `2` the body,
 * `3` the absolute action link (the inbox when there is none, it is refused, or it is too long). Each is on
 * one line and never empty: WhatsApp refuses a variable with a newline, a tab, more than four spaces in a
 * row or nothing at all (Twilio 63013), so whitespace is collapsed and an empty body becomes "–".
 *
 * @example
 * whatsappTemplateVariables(message, 'https://notify.example.com')
 * // { '1': 'Disk full', '2': 'db-1 is at 97%', '3': 'https://notify.example.com/incidents/7' }
 */
export function whatsappTemplateVariables(message: OutgoingMessage, publicUrl: string): Record<'1' | '2' | '3', string> {
  const { title, body, actionUrl } = message.notification;
  const link = absoluteActionUrl(actionUrl, publicUrl);
  return {
    '1': oneLineExcerpt(title, TITLE_MAX) || '–',
    '2': oneLineExcerpt(body, BODY_MAX) || '–',
    '3': link && link.length <= LINK_MAX ? link : inboxUrl(publicUrl),
  };
}
