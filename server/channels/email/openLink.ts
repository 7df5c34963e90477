import { READ_TOKEN_TTL_MS, signReadToken } from '../../services/notifications/readToken.js';
import type { ChannelDeps } from '../createChannels.js';

/**
 * `/api/email-actions/open/<read token>`: opening it marks the notification read (which also cancels
 * pending escalation steps), then redirects to its action URL or the inbox.
 */
export function emailOpenUrl(deps: Pick<ChannelDeps, 'signingSecret' | 'publicUrl'>, userId: string, notificationId: string): string {
  const token = signReadToken(deps.signingSecret, { userId, notificationId, expiresAt: new Date(Date.now() + READ_TOKEN_TTL_MS) });
  return `${deps.publicUrl}/api/email-actions/open/${token}`;
}
