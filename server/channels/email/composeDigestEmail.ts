import { translator } from '../../i18n/catalogs.js';
import { oneLineExcerpt } from '../../../shared/excerpt.js';
import type { ChannelDeps } from '../createChannels.js';
import { inboxUrl, preferencesUrl } from '../links.js';
import { emailOpenUrl } from './openLink.js';
import type { DigestMessage } from '../types.js';
import { createUnsubscribeToken } from '../unsubscribeLink.js';
import type { ComposedEmail } from './composeEmail.js';
import { renderDigestBodies, type DigestView } from './emailTemplates.js';

const APP_NAME = 'FlashNotify';
const EXCERPT_CHARS = 160;

/**
 * Renders a digest as one email: per category its notifications (title, excerpt, link) and a signed
 * unsubscribe link (none for a locked, critical category). A single-category digest advertises that link
 * as one-click List-Unsubscribe (no header at all when the category is locked); a mixed one points the
 * header at the preferences page, since one click cannot mean "all of these categories".
 *
 * @example
 * const email = composeDigestEmail(ctx, digest);
 */
export function composeDigestEmail(deps: ChannelDeps, message: DigestMessage): ComposedEmail {
  const { recipient, groups } = message;
  const publicUrl = deps.publicUrl;
  const count = groups.reduce((sum, group) => sum + group.notifications.length, 0);
  const i18n = translator(recipient.locale, recipient.timezone);
  const summary = i18n.t('digest.summary', { count });
  const title = i18n.t('digest.title', { period: message.period });
  const unsubscribeUrl = (category: string) =>
    `${publicUrl}/api/unsubscribe/${createUnsubscribeToken({ userId: recipient.id, category, channel: 'email' }, deps.signingSecret)}`;
  const view: DigestView = {
    appName: APP_NAME,
    lang: i18n.locale,
    title,
    summary,
    period: message.period,
    recipientName: recipient.name,
    groups: groups.map((group) => ({
      label: group.label,
      unsubscribeUrl: group.locked ? null : unsubscribeUrl(group.category),
      items: group.notifications.map((n) => ({
        title: n.title,
        excerpt: excerpt(n.body),
        // Through the app's open page: opening an item from the digest marks it read (never the GET alone).
        url: emailOpenUrl(deps, recipient.id, n.id),
        when: i18n.date(n.createdAt, WHEN_FORMAT),
      })),
    })),
    inboxUrl: inboxUrl(publicUrl),
    preferencesUrl: preferencesUrl(publicUrl),
  };
  const { html, text } = renderDigestBodies(view);
  const only = groups.length === 1 ? view.groups[0] : undefined;
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: i18n.t('digest.subject', { title, summary }),
    text,
    html,
    messageId: `<digest-${message.digestId}@${new URL(publicUrl).hostname}>`,
    headers: !only
      ? { 'List-Unsubscribe': `<${view.preferencesUrl}>`, 'X-FlashNotify-Digest': message.digestId }
      : only.unsubscribeUrl
        ? { 'List-Unsubscribe': `<${only.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-FlashNotify-Digest': message.digestId }
        : { 'X-FlashNotify-Digest': message.digestId },
  };
}

/** The body on one line, cut at a word boundary: a digest is for scanning, the inbox has the rest. */
function excerpt(body: string): string {
  return oneLineExcerpt(body, EXCERPT_CHARS, { wordBreakAfter: 0.5 });
}

const WHEN_FORMAT: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
