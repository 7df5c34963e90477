import type { NotificationAction } from '../../shared/schemas/actions.js';
import { checkIconUrl } from '../../shared/urls.js';
import { READ_TOKEN_TTL_MS, signReadToken } from '../services/notifications/readToken.js';
import type { ChannelDeps } from './createChannels.js';
import { absoluteActionUrl } from './links.js';

/**
 * A notification's icon as an absolute URL for an email or a push message: checked with the icon rule
 * (`shared/urls.ts`: https: or a path) again, since a sent message cannot be fixed later; a path is resolved
 * against the public URL. Null when there is none or it is refused (the message then shows no icon).
 *
 * @example
 * absoluteIconUrl('/icons/billing.svg', 'https://notify.example.com') // 'https://notify.example.com/icons/billing.svg'
 */
export function absoluteIconUrl(icon: string | null, publicUrl: string): string | null {
  if (!icon) return null;
  const verdict = checkIconUrl(icon);
  if (!verdict.ok) return null;
  if (verdict.target.kind === 'absolute') return new URL(verdict.target.href).href;
  return new URL(verdict.target.path, `${publicUrl.replace(/\/$/, '')}/`).href;
}

/** One action button of an email: its label, style and where it links. */
export interface EmailActionLink {
  label: string;
  primary: boolean;
  url: string;
}

/**
 * An email's action buttons: a `url` action links to its URL (absolute, checked by the action-URL rule;
 * dropped when refused); an `acknowledge` action links to its one-click page
 * (`/api/email-actions/act/<read token>/<action id>`), whose GET only asks for confirmation (mail scanners
 * fetch every link) and whose POST records the answer. The read token grants this recipient's one
 * notification, as the email's "open" link does; the action id is checked against the notification's own.
 *
 * @example
 * const buttons = emailActionLinks(deps, message.recipient.id, message.notification);
 */
export function emailActionLinks(
  deps: Pick<ChannelDeps, 'signingSecret' | 'publicUrl'>,
  userId: string,
  notification: { id: string; actions: readonly NotificationAction[] },
): EmailActionLink[] {
  if (notification.actions.length === 0) return [];
  const token = signReadToken(deps.signingSecret, { userId, notificationId: notification.id, expiresAt: new Date(Date.now() + READ_TOKEN_TTL_MS) });
  return notification.actions.flatMap((action) => {
    const url = action.kind === 'url' ? absoluteActionUrl(action.url ?? null, deps.publicUrl) : `${deps.publicUrl}/api/email-actions/act/${token}/${action.id}`;
    return url ? [{ label: action.label, primary: action.style === 'primary', url }] : [];
  });
}
