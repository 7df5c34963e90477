import { READ_TOKEN_TTL_MS, signReadToken } from '../../services/notifications/readToken.js';
import type { ChannelDeps } from '../createChannels.js';

/**
 * `/api/email-actions/open/<read token>`, the link of an email's button and of each digest item. Its GET
 * changes nothing (scanners fetch it): it redirects to the web app's `/open/<token>` page, where the person
 * opens the notification (marking it read and cancelling pending escalation steps) and goes on to its
 * action URL or the inbox.
 */
export function emailOpenUrl(deps: Pick<ChannelDeps, 'signingSecret' | 'publicUrl'>, userId: string, notificationId: string): string {
  const token = signReadToken(deps.signingSecret, { userId, notificationId, expiresAt: new Date(Date.now() + READ_TOKEN_TTL_MS) });
  return `${deps.publicUrl}/api/email-actions/open/${token}`;
}
