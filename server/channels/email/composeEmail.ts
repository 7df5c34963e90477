import { translator } from '../../i18n/catalogs.js';
import { loadCategoryInfo } from '../../services/categories/loadCategoryInfo.js';
import type { ChannelDeps } from '../createChannels.js';
import { absoluteActionUrl, inboxUrl, preferencesUrl } from '../links.js';
import { emailOpenUrl } from './openLink.js';
import { absoluteIconUrl, emailActionLinks } from '../richLinks.js';
import type { OutgoingMessage } from '../types.js';
import { createUnsubscribeToken } from '../unsubscribeLink.js';
import { renderEmailBodies, type EmailView } from './emailTemplates.js';

/** A rendered email, the same for SMTP and the dev outbox. */
export interface ComposedEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** `<deliveryId@host>`: stable across retries, so receivers can drop a duplicate of a re-sent message. */
  messageId: string;
  /**
   * X-FlashNotify-Delivery, and List-Unsubscribe (RFC 2369) with List-Unsubscribe-Post (RFC 8058) unless
   * the category is locked (critical): a one-click link that cannot unsubscribe must not be offered.
   */
  headers: Record<string, string>;
}

const APP_NAME = 'FlashNotify';

/**
 * Renders one notification as an email for one recipient, with its signed one-click unsubscribe link, or,
 * for a critical (locked) category, a link to the preferences page instead.
 *
 * @example
 * const email = await composeEmail(ctx, message);
 */
export async function composeEmail(deps: ChannelDeps, message: OutgoingMessage): Promise<ComposedEmail> {
  const { notification, recipient } = message;
  // Read at send time: publicUrl is only known once the server listens.
  const publicUrl = deps.publicUrl;
  const category = await loadCategoryInfo(deps.db, notification.category);
  const unsubscribeUrl = category.locked
    ? null
    : `${publicUrl}/api/unsubscribe/${createUnsubscribeToken({ userId: recipient.id, category: notification.category, channel: 'email' }, deps.signingSecret)}`;
  const critical = notification.priority === 'critical';
  // The recipient's language and time zone (either may be unusable: the translator falls back to English, UTC).
  const i18n = translator(recipient.locale, recipient.timezone);
  const view: EmailView = {
    appName: APP_NAME,
    lang: i18n.locale,
    title: notification.title,
    body: notification.body,
    paragraphs: toParagraphs(notification.body),
    critical,
    priority: notification.priority,
    category: notification.category,
    categoryLabel: category.label,
    categoryLocked: category.locked,
    when: i18n.date(notification.createdAt, WHEN_FORMAT),
    recipientName: recipient.name,
    // The button goes through the app's open page, where the person's click (not the link's GET, which
    // scanners fetch) marks the notification read, stopping any escalation, before the action URL.
    actionUrl: absoluteActionUrl(notification.actionUrl, publicUrl) ? emailOpenUrl(deps, recipient.id, notification.id) : null,
    icon: absoluteIconUrl(notification.icon, publicUrl),
    actions: emailActionLinks(deps, recipient.id, notification),
    inboxUrl: inboxUrl(publicUrl),
    preferencesUrl: preferencesUrl(publicUrl),
    unsubscribeUrl,
  };
  const { html, text } = renderEmailBodies(view);
  return {
    to: { name: recipient.name, address: recipient.email },
    // A title is one line of text; a stray newline must not end up as a folded header.
    subject: critical ? i18n.t('email.subject.critical', { title: oneLine(notification.title) }) : oneLine(notification.title),
    text,
    html,
    messageId: `<${message.deliveryId}@${new URL(publicUrl).hostname}>`,
    headers: {
      ...(unsubscribeUrl && { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
      'X-FlashNotify-Delivery': message.deliveryId,
    },
  };
}

function toParagraphs(body: string): string[][] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.split(/\r?\n/).map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line !== ''));
}

const WHEN_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
