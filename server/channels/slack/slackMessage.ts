import type { KnownBlock } from '@slack/web-api';
import { truncateText } from '../../../shared/text.js';
import { translator } from '../../i18n/catalogs.js';
import type { ChannelDeps } from '../createChannels.js';
import { emailActionLinks } from '../richLinks.js';
import type { OutgoingMessage } from '../types.js';

// Block Kit limits (https://api.slack.com/reference/block-kit/blocks): a header's text 150 characters, a
// section's 3000, a button's label 75 and its URL 3000.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;
const BUTTON_URL_MAX = 3000;

/** A Slack message as `chat.postMessage` takes it: `text` is the notification preview and screen readers' fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Escapes the three characters Slack's mrkdwn gives meaning to (`&`, `<`, `>`), so a body can neither
 * mention `<!channel>` nor forge a link. Source: https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One notification as a Slack DM in the recipient's language: a header with the title, the body as a
 * section, a context line for critical ones, and link buttons — the notification's own actions (an
 * "acknowledge" goes through its one-click page, as in email) or else "Open" to its action URL or the inbox.
 *
 * @example
 * composeSlackMessage(deps, message) // { text: 'Deploy failed', blocks: [{ type: 'header', … }, …] }
 */
export function composeSlackMessage(deps: Pick<ChannelDeps, 'signingSecret' | 'publicUrl'>, message: OutgoingMessage): SlackMessage {
  const { notification, recipient } = message;
  const t = translator(recipient.locale).t;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncateText(notification.title, HEADER_MAX), emoji: false } }];
  if (notification.body.trim()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateText(escapeMrkdwn(notification.body), SECTION_MAX) } });
  }
  if (notification.priority === 'critical') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t('slack.critical')) }] });
  }
  const actions = emailActionLinks(deps, recipient.id, notification);
  const links = actions.length > 0 ? actions : [{ label: t('slack.open'), primary: true, url: notification.actionUrl ?? `${deps.publicUrl}/` }];
  blocks.push({
    type: 'actions',
    elements: links
      .filter((link) => link.url.length <= BUTTON_URL_MAX)
      .map((link, i) => ({
        type: 'button',
        action_id: `flashnotify_${i}`,
        text: { type: 'plain_text', text: truncateText(link.label, BUTTON_LABEL_MAX), emoji: false },
        url: link.url,
        ...(link.primary ? { style: 'primary' as const } : {}),
      })),
  });
  // `text` (the notification preview) is mrkdwn too: the title escaped like the body, or it could `<!channel>` or forge a link.
  return { text: escapeMrkdwn(truncateText(notification.title, SECTION_MAX)), blocks };
}
