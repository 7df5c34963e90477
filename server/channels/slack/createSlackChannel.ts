import { LogLevel, WebClient } from '@slack/web-api';
import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import { rememberSlackMember } from '../../services/users/rememberSlackMember.js';
import type { ChannelDeps } from '../createChannels.js';
import type { DeliveryChannel, OutgoingMessage } from '../types.js';
import { composeSlackMessage } from './slackMessage.js';
import { slackDeliveryError } from './slackErrors.js';

// A provider that does not answer must fail the attempt well before the delivery lease runs out.
const TIMEOUT_MS = 10_000;

/** The Slack channel: the workspace's bot (SLACK_BOT_TOKEN) when set, otherwise the dev outbox. */
export function createSlackChannel(deps: ChannelDeps): DeliveryChannel {
  return deps.config.slack.botToken ? createSlackBotChannel(deps, deps.config.slack.botToken) : createDevOutboxSlackChannel(deps);
}

/**
 * Sends each notification as a DM from the workspace's bot with the official `@slack/web-api` client
 * (`chat.postMessage` to the member id opens the app's conversation with them). The member id is the
 * user's `slackUserId`, or is found once from their email (`users.lookupByEmail`) and kept on the user.
 * A critical notification is pinned in the conversation (`pins.add`) so it stays in view; a failed pin is
 * noted beside the success, not retried (the message itself went out). The client's own retries are off:
 * the delivery worker retries, with backoff, and honours Slack's `Retry-After` (RetryLaterError).
 * Bot scopes: `chat:write`, `users:read.email` (lookups), `pins:write` (critical).
 */
export function createSlackBotChannel(deps: ChannelDeps, botToken: string): DeliveryChannel {
  const client = new WebClient(botToken, {
    slackApiUrl: deps.config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });
  return {
    channel: 'slack',
    provider: 'slack',
    send: async (message) => {
      try {
        const member = message.recipient.slackUserId ?? (await lookUpMember(deps, client, message.recipient));
        const posted = await client.chat.postMessage({ channel: member, ...composeSlackMessage(deps, message), unfurl_links: false, unfurl_media: false });
        const providerMessageId = posted.channel && posted.ts ? `${posted.channel}/${posted.ts}` : null;
        if (message.notification.priority !== 'critical' || !posted.channel || !posted.ts) return { providerMessageId };
        try {
          await client.pins.add({ channel: posted.channel, timestamp: posted.ts });
          return { providerMessageId };
        } catch (err) {
          return { providerMessageId, note: `Sent, but not pinned: ${(err as Error).message}` };
        }
      } catch (err) {
        throw slackDeliveryError(err);
      }
    },
  };
}

/**
 * The person's member id from their email, kept on the user for the next messages (only if their email and
 * id have not changed meanwhile). Throws the client's error (users_not_found is permanent: slackErrors.ts).
 */
async function lookUpMember(deps: ChannelDeps, client: WebClient, recipient: OutgoingMessage['recipient']): Promise<string> {
  const found = await client.users.lookupByEmail({ email: recipient.email });
  const member = found.user?.id;
  if (!member) throw new Error('Slack users.lookupByEmail answered without a user id');
  await rememberSlackMember(deps.db, { userId: recipient.id, email: recipient.email, slackUserId: member });
  return member;
}

/** Stores what would have been posted (`{ channel, text, blocks }` as JSON) in the dev outbox instead. */
export function createDevOutboxSlackChannel(deps: ChannelDeps): DeliveryChannel {
  return {
    channel: 'slack',
    provider: 'dev-outbox',
    send: async (message) => {
      const channel = message.recipient.slackUserId ?? message.recipient.email;
      const id = await storeInOutbox(deps.db, {
        channel: 'slack',
        deliveryId: message.deliveryId,
        to: channel,
        subject: message.notification.title,
        text: JSON.stringify({ channel, ...composeSlackMessage(deps, message) }, null, 2),
      });
      return { providerMessageId: id };
    },
  };
}
