import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import { createOutboundAgent } from '../../outbound/outboundAgent.js';
import { postJson } from '../../outbound/postJson.js';
import type { ChannelDeps } from '../createChannels.js';
import { PermanentDeliveryError, type DeliveryChannel } from '../types.js';
import { teamsAnswerError } from './teamsAnswer.js';
import { composeTeamsMessage } from './teamsCard.js';

// A webhook that does not answer must fail the attempt well before the delivery lease runs out.
const TIMEOUT_MS = 10_000;

export interface TeamsChannelOptions {
  /** Certificate authorities to trust instead of the system's (tests: the local receiver's self-signed certificate). */
  ca?: string;
}

/** The Teams channel: each user's webhook URL, or the dev outbox when TEAMS_DEV_OUTBOX is set. */
export function createTeamsChannel(deps: ChannelDeps): DeliveryChannel {
  return deps.config.teams.devOutbox ? createDevOutboxTeamsChannel(deps) : createTeamsWebhookChannel(deps);
}

/**
 * Posts each notification as an Adaptive Card (teamsCard.ts) to the recipient's `teamsWebhookUrl` (a Teams
 * incoming webhook or a Power Automate Workflows trigger). The URL is checked against the outbound rules again
 * at send time (it may predate a stricter OUTBOUND_ALLOWED_HOSTS) and the request goes through the outbound
 * agent, which refuses private addresses at connect time: both are permanent failures. The answer is read by
 * teamsAnswerError (2xx sent; 429 + Retry-After honoured; 400/404/410 permanent; the rest transient).
 *
 * @example
 * const teams = createTeamsWebhookChannel(server.ctx, { ca: receiver.ca });
 */
export function createTeamsWebhookChannel(deps: ChannelDeps, options: TeamsChannelOptions = {}): DeliveryChannel {
  // Kept alive: most users of a tenant post to the same few hosts (*.webhook.office.com, *.logic.azure.com).
  const agent = createOutboundAgent(deps.config.outbound, { keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  return {
    channel: 'teams',
    provider: 'teams-webhook',
    // Each person's own URL: one broken flow must not open a breaker for everyone's cards.
    perRecipientEndpoint: true,
    send: async (message) => {
      const url = message.recipient.teamsWebhookUrl;
      if (!url) throw new PermanentDeliveryError('No Microsoft Teams webhook URL for this user');
      const target = checkOutboundUrl(url, deps.config.outbound);
      if (!target.ok) throw new PermanentDeliveryError(`Teams webhook URL refused: ${target.reason}`);
      const body = JSON.stringify(composeTeamsMessage(deps, message));
      const result = await postJson(target.url, { 'user-agent': 'FlashNotify-Teams' }, body, { agent, timeoutMs: TIMEOUT_MS });
      const error = teamsAnswerError(result);
      if (error) throw error;
      return { providerMessageId: null };
    },
    close: async () => agent.destroy(),
  };
}

/** Stores the card that would have been posted (the envelope as JSON) in the dev outbox; `to` is the URL's host only. */
export function createDevOutboxTeamsChannel(deps: ChannelDeps): DeliveryChannel {
  return {
    channel: 'teams',
    provider: 'dev-outbox',
    send: async (message) => {
      const url = message.recipient.teamsWebhookUrl;
      // The path and query of a webhook URL are its secret: the outbox (shown to admins) keeps the host.
      const host = url && URL.canParse(url) ? new URL(url).host : message.recipient.email;
      const id = await storeInOutbox(deps.db, {
        channel: 'teams',
        deliveryId: message.deliveryId,
        to: host,
        subject: message.notification.title,
        text: JSON.stringify(composeTeamsMessage(deps, message), null, 2),
      });
      return { providerMessageId: id };
    },
  };
}
