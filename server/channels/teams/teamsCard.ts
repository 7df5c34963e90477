import { truncateText } from '../../../shared/text.js';
import { translator } from '../../i18n/catalogs.js';
import type { ChannelDeps } from '../createChannels.js';
import { emailActionLinks } from '../richLinks.js';
import type { OutgoingMessage } from '../types.js';

// No kept Adaptive Cards library is installed (`adaptivecards` renders cards in a browser; `@microsoft/teams.cards`
// is not in node_modules), so the few elements used are typed here after the schema:
// https://adaptivecards.io/explorer/ (TextBlock, Container, Action.OpenUrl; version 1.5).

/** An Adaptive Card TextBlock. Its `text` is read as Markdown (a subset), hence escapeCardMarkdown. */
interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large';
  weight?: 'Bolder';
  color?: 'Attention';
  isSubtle?: true;
}

/** A Container; `style: 'attention'` paints it red in Teams. */
interface Container {
  type: 'Container';
  style?: 'attention';
  bleed?: true;
  items: TextBlock[];
}

/** A button opening a URL; `positive` is the primary look. */
interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
  style?: 'positive';
}

/** The card itself (schema 1.5, the version Teams renders). */
export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.5';
  /** The notification's title, for screen readers and the Teams activity feed. */
  speak: string;
  body: (TextBlock | Container)[];
  actions: OpenUrlAction[];
  msteams: { width: 'Full' };
}

/**
 * What a Teams incoming webhook or a Workflows ("When a Teams webhook request is received") trigger takes:
 * a message with the card as its one attachment.
 */
export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

// Teams refuses a message over ~28 KB; a title and a body well inside it leave room for the JSON around them.
const TITLE_MAX = 200;
const BODY_MAX = 10_000;
const BUTTON_TITLE_MAX = 75;
// Teams shows at most six actions on a card.
const MAX_ACTIONS = 6;

/**
 * Escapes what the Markdown subset of a TextBlock reads (https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features:
 * `**bold**`, `_italic_`, `[links](…)`, `- ` / `+ ` / `1. ` lists) with a backslash, and nothing else: Teams'
 * mobile apps long showed escape backslashes literally (microsoft/AdaptiveCards#5590, #7474), so "Deploy
 * failed." must not become "Deploy failed\." there. A text can neither forge a link nor change the card's
 * look. Line breaks are kept: Markdown joins single newlines into one line, so each becomes a paragraph break.
 *
 * @example
 * escapeCardMarkdown('[pay here](https://evil.example)') // '\\[pay here\\](https://evil.example)'
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]`]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+]|\d+\.)(?=\s)/gm, (_line, indent: string, marker: string) => `${indent}${marker.replace(/([-+.])$/, '\\$1')}`)
    .replace(/\r?\n+/g, '\n\n');
}

/**
 * One notification as a Teams message in the recipient's language: the title (bold, large), the body
 * (escaped), for a critical one the title and a "critical" line in an attention-styled (red) container, and
 * link buttons — the notification's own actions (an "acknowledge" through its one-click page, as in email
 * and Slack) or else "Open" to its action URL or the inbox.
 *
 * @example
 * composeTeamsMessage(deps, message) // { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', … }] }
 */
export function composeTeamsMessage(deps: Pick<ChannelDeps, 'signingSecret' | 'publicUrl'>, message: OutgoingMessage): TeamsMessage {
  const { notification, recipient } = message;
  const t = translator(recipient.locale).t;
  const critical = notification.priority === 'critical';
  const title: TextBlock = { type: 'TextBlock', text: escapeCardMarkdown(truncateText(notification.title, TITLE_MAX)), wrap: true, size: 'Large', weight: 'Bolder' };
  const body: AdaptiveCard['body'] = critical
    ? [{ type: 'Container', style: 'attention', bleed: true, items: [title, { type: 'TextBlock', text: escapeCardMarkdown(t('teams.critical')), wrap: true, color: 'Attention', weight: 'Bolder' }] }]
    : [title];
  if (notification.body.trim()) body.push({ type: 'TextBlock', text: escapeCardMarkdown(truncateText(notification.body, BODY_MAX)), wrap: true });
  const actions = emailActionLinks(deps, recipient.id, notification);
  const links = actions.length > 0 ? actions : [{ label: t('teams.open'), primary: true, url: notification.actionUrl ?? `${deps.publicUrl}/` }];
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    speak: truncateText(notification.title, TITLE_MAX),
    body,
    actions: links.slice(0, MAX_ACTIONS).map((link) => ({
      type: 'Action.OpenUrl',
      title: truncateText(link.label, BUTTON_TITLE_MAX),
      url: link.url,
      ...(link.primary ? { style: 'positive' as const } : {}),
    })),
    msteams: { width: 'Full' },
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
