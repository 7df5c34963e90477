import { translator } from '../../i18n/catalogs.js';
import { oneLineExcerpt } from '../../../shared/excerpt.js';
import { absoluteActionUrl, inboxUrl, preferencesUrl } from '../links.js';
import type { TwilioChannelName } from '../twilio/twilioAddress.js';
import type { OutgoingMessage } from '../types.js';

/**
 * UTF-16 code units of `title: body` before the link (what a UCS-2 SMS counts; two concatenated GSM-7
 * segments' worth of plain text), so a long body stays readable.
 */
export const SMS_TEXT_LIMIT = 320;

/** Twilio refuses a longer `Body` (error 21617), which would fail the delivery for good. */
export const SMS_BODY_MAX = 1600;

/**
 * `title: body`, whitespace collapsed and cut to SMS_TEXT_LIMIT code units on a grapheme boundary (with an
 * ellipsis: never half an emoji, never a lone surrogate), then the absolute action link (or the inbox link,
 * also when the action link would pass SMS_BODY_MAX) on its own line, and an opt-out hint unless the
 * notification is critical or its category is locked (critical categories cannot be opted out of), in the
 * recipient's language. The same text is WhatsApp's free-form `Body` (Twilio caps it at 1,600 too); only the
 * hint differs: SMS says "Reply STOP" (Twilio's own opt-out), WhatsApp links the notification settings,
 * where its consent is withdrawn.
 *
 * @example
 * composeSmsText(message, 'https://notify.example.com')
 * // 'Sign-in from a new device: Chrome on Linux, Berlin\nhttps://notify.example.com/security'
 */
export function composeSmsText(
  message: OutgoingMessage,
  publicUrl: string,
  { categoryLocked = false, channel = 'sms' }: { categoryLocked?: boolean; channel?: TwilioChannelName } = {},
): string {
  const { title, body, actionUrl, priority } = message.notification;
  const text = oneLineExcerpt(body ? `${title}: ${body}` : title, SMS_TEXT_LIMIT, { wordBreakAfter: 1 });
  const t = translator(message.recipient.locale).t;
  const hint = channel === 'whatsapp' ? t('whatsapp.optOut', { url: preferencesUrl(publicUrl) }) : t('sms.optOut');
  const optOut = priority === 'critical' || categoryLocked ? [] : [hint];
  const compose = (link: string) => [text, link, ...optOut].join('\n');
  const actionLink = absoluteActionUrl(actionUrl, publicUrl);
  // A link cannot be cut: one too long for the message (action URLs may have 2,048 characters) gives way
  // to the inbox link, where the notification opens the same.
  return actionLink && compose(actionLink).length <= SMS_BODY_MAX ? compose(actionLink) : compose(inboxUrl(publicUrl));
}
