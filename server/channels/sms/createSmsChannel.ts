import type twilio from 'twilio';
import { loadCategoryInfo } from '../../services/categories/loadCategoryInfo.js';
import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import type { TwilioAccount } from '../../config.js';
import type { ChannelDeps } from '../createChannels.js';
import { PermanentDeliveryError, type DeliveryChannel, type OutgoingMessage } from '../types.js';
import { composeSmsText, requireE164 } from './smsText.js';
import { isPermanentTwilioError } from './twilioErrors.js';

export interface TwilioSmsChannelOptions {
  /** A `twilio.RequestClient` subclass pointing the SDK at a local fake (tests). */
  httpClient?: twilio.RequestClient;
  /** The account to send with; the configured (first) one by default. */
  account?: TwilioAccount;
  /** The provider name; `twilio` by default. */
  provider?: string;
}

// A provider that does not answer must fail the attempt well before the delivery lease runs out.
const TIMEOUT_MS = 10_000;

/** The SMS providers in failover order: Twilio when TWILIO_* is set (then the TWILIO_FALLBACK_* account), otherwise the dev outbox. */
export async function createSmsChannel(deps: ChannelDeps): Promise<DeliveryChannel[]> {
  return deps.config.twilio ? createTwilioSmsChannels(deps) : [createDevOutboxSmsChannel(deps)];
}

/**
 * The Twilio accounts in failover order: the `twilio` provider, and `twilio:fallback` when the
 * TWILIO_FALLBACK_* account is set (names by role: stable across credential rotation, and no secret).
 */
export async function createTwilioSmsChannels(deps: ChannelDeps, options: TwilioSmsChannelOptions = {}): Promise<DeliveryChannel[]> {
  const config = deps.config.twilio;
  if (!config) throw new Error('createTwilioSmsChannels needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender');
  const primary = await createTwilioSmsChannel(deps, options);
  return config.fallback ? [primary, await createTwilioSmsChannel(deps, { ...options, account: config.fallback, provider: 'twilio:fallback' })] : [primary];
}

/**
 * Sends with the official twilio SDK (`messages.create`); the number is checked (E.164) before any request.
 *
 * @example
 * const sms = await createTwilioSmsChannel(ctx, { httpClient: new FakeTwilioHttpClient(fake.url) });
 */
export async function createTwilioSmsChannel(
  deps: ChannelDeps,
  options: TwilioSmsChannelOptions = {},
): Promise<DeliveryChannel> {
  const config = options.account ?? deps.config.twilio;
  if (!config) throw new Error('createTwilioSmsChannel needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender');
  // Loaded only when configured: the SDK takes ~250 ms to import, which embedded mode need not pay.
  const { default: createClient } = await import('twilio');
  const client = createClient(config.accountSid, config.authToken, { httpClient: options.httpClient, timeout: TIMEOUT_MS });
  return {
    channel: 'sms',
    provider: options.provider ?? 'twilio',
    send: async (message) => {
      const to = requireE164(message.recipient.phone);
      try {
        const sent = await client.messages.create({
          to,
          ...sender(config),
          body: await smsBody(deps, message),
          // Twilio's own retry counter, "attempts made including this request": lets it spot re-sends.
          attempt: message.attempt,
        });
        return { providerMessageId: sent.sid };
      } catch (err) {
        if (isPermanentTwilioError(err)) throw new PermanentDeliveryError((err as Error).message, { cause: err });
        throw err;
      }
    },
  };
}

/** The SMS text; whether its category is locked decides the opt-out hint. */
async function smsBody(deps: ChannelDeps, message: OutgoingMessage): Promise<string> {
  const { locked } = await loadCategoryInfo(deps.db, message.notification.category);
  return composeSmsText(message, deps.publicUrl, { categoryLocked: locked });
}

/** A messaging service picks the best sender from its pool; otherwise the configured number sends. */
function sender(config: TwilioAccount): { messagingServiceSid: string } | { from: string } {
  if (config.messagingServiceSid) return { messagingServiceSid: config.messagingServiceSid };
  return { from: config.from! };
}

/** Stores the SMS text in OutboxMessage (shown in the admin UI) instead of sending it. */
export function createDevOutboxSmsChannel(deps: ChannelDeps): DeliveryChannel {
  return {
    channel: 'sms',
    provider: 'dev-outbox',
    send: async (message) => {
      const to = requireE164(message.recipient.phone);
      const id = await storeInOutbox(deps.db, {
        channel: 'sms',
        deliveryId: message.deliveryId,
        to,
        text: await smsBody(deps, message),
      });
      return { providerMessageId: id };
    },
  };
}
