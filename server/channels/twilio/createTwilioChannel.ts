import type twilio from 'twilio';
import type { TwilioAccount } from '../../config.js';
import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import type { ChannelDeps } from '../createChannels.js';
import type { DeliveryChannel, OutgoingMessage } from '../types.js';
import { twilioAddress, type TwilioChannelName } from './twilioAddress.js';
import { twilioDeliveryError } from './twilioErrors.js';
import { composeTwilioText } from './twilioText.js';
import { createRetryAfterRequestClient } from './retryAfterRequestClient.js';

/** What one message carries: a free-form `Body`, or an approved template (`ContentSid` + `ContentVariables`). */
export type TwilioContent = { body: string } | { contentSid: string; contentVariables: Record<string, string> };

export interface TwilioChannelOptions {
  /** A `twilio.RequestClient` subclass pointing the SDK at a local fake (tests). */
  httpClient?: twilio.RequestClient;
  /** The provider name in attempt logs, metrics and breakers; `twilio` by default (`twilio:fallback` for the second account). */
  provider?: string;
}

// A provider that does not answer must fail the attempt well before the delivery lease runs out.
const TIMEOUT_MS = 10_000;

/**
 * A channel sending through Twilio's Messages API with the official SDK (`messages.create`): SMS or
 * WhatsApp, which differ only in the address (`whatsapp:` prefix), the content and the error codes that are
 * permanent (twilioErrors.ts). The number is checked (E.164) before any request; a 429 with Retry-After
 * becomes a RetryLaterError.
 *
 * @example
 * const sms = await createTwilioChannel(deps, 'sms', deps.config.twilio!, async (m) => ({ body: 'Hi' }), { httpClient });
 */
export async function createTwilioChannel(
  deps: ChannelDeps,
  channel: TwilioChannelName,
  account: TwilioAccount,
  compose: (message: OutgoingMessage) => Promise<TwilioContent>,
  options: TwilioChannelOptions = {},
): Promise<DeliveryChannel> {
  // Loaded only when configured: the SDK takes ~250 ms to import, which embedded mode need not pay.
  const { default: createClient } = await import('twilio');
  const httpClient = createRetryAfterRequestClient(createClient.RequestClient, TIMEOUT_MS, options.httpClient);
  const client = createClient(account.accountSid, account.authToken, { httpClient });
  return {
    channel,
    provider: options.provider ?? 'twilio',
    send: async (message) => {
      const to = twilioAddress(channel, message.recipient.phone);
      try {
        const sent = await client.messages.create({
          to,
          ...sender(account),
          ...contentParams(await compose(message)),
          // Twilio's own retry counter, "attempts made including this request": lets it spot re-sends.
          attempt: message.attempt,
        });
        return { providerMessageId: sent.sid };
      } catch (err) {
        throw twilioDeliveryError(err, channel);
      }
    },
  };
}

/** Stores the channel's text in OutboxMessage (shown in the admin UI) instead of sending it. */
export function createTwilioOutboxChannel(deps: ChannelDeps, channel: TwilioChannelName): DeliveryChannel {
  return {
    channel,
    provider: 'dev-outbox',
    send: async (message) => {
      const to = twilioAddress(channel, message.recipient.phone);
      const id = await storeInOutbox(deps.db, { channel, deliveryId: message.deliveryId, to, text: await composeTwilioText(deps, message, channel) });
      return { providerMessageId: id };
    },
  };
}

/** A messaging service picks the best sender from its pool; otherwise the configured number sends. */
function sender(account: TwilioAccount): { messagingServiceSid: string } | { from: string } {
  if (account.messagingServiceSid) return { messagingServiceSid: account.messagingServiceSid };
  return { from: account.from! };
}

/** A template goes without `Body` (Twilio refuses both together); its variables as the JSON object Twilio wants. */
function contentParams(content: TwilioContent): { body: string } | { contentSid: string; contentVariables: string } {
  if ('body' in content) return { body: content.body };
  return { contentSid: content.contentSid, contentVariables: JSON.stringify(content.contentVariables) };
}
