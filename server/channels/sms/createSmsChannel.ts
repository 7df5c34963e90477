import type { TwilioAccount } from '../../config.js';
import type { ChannelDeps } from '../createChannels.js';
import { createTwilioChannel, createTwilioOutboxChannel, type TwilioChannelOptions } from '../twilio/createTwilioChannel.js';
import { composeTwilioText } from '../twilio/twilioText.js';
import type { DeliveryChannel } from '../types.js';

/** Which account an SMS channel sends with (the configured first one by default) and its provider name. */
export interface TwilioSmsChannelOptions extends TwilioChannelOptions {
  account?: TwilioAccount;
}

/** The SMS providers in failover order: Twilio when TWILIO_* is set (then the TWILIO_FALLBACK_* account), otherwise the dev outbox. */
export async function createSmsChannel(deps: ChannelDeps): Promise<DeliveryChannel[]> {
  return deps.config.twilio ? createTwilioSmsChannels(deps) : [createTwilioOutboxChannel(deps, 'sms')];
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
 * Sends SMS with the official twilio SDK (`messages.create`, see createTwilioChannel) from `options.account`
 * (the configured first account by default).
 *
 * @example
 * const sms = await createTwilioSmsChannel(ctx, { httpClient: new FakeTwilioHttpClient(fake.url) });
 */
export async function createTwilioSmsChannel(deps: ChannelDeps, options: TwilioSmsChannelOptions = {}): Promise<DeliveryChannel> {
  const account = options.account ?? deps.config.twilio;
  if (!account) throw new Error('createTwilioSmsChannel needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender');
  return createTwilioChannel(deps, 'sms', account, async (message) => ({ body: await composeTwilioText(deps, message, 'sms') }), options);
}
