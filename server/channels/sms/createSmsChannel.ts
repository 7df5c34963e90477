import type { ChannelDeps } from '../createChannels.js';
import { createTwilioChannel, createTwilioOutboxChannel, type TwilioChannelOptions } from '../twilio/createTwilioChannel.js';
import { composeTwilioText } from '../twilio/twilioText.js';
import type { DeliveryChannel } from '../types.js';

/** The SMS channel: Twilio when TWILIO_* is set, otherwise the dev outbox. */
export async function createSmsChannel(deps: ChannelDeps): Promise<DeliveryChannel> {
  return deps.config.twilio ? createTwilioSmsChannel(deps) : createTwilioOutboxChannel(deps, 'sms');
}

/**
 * Sends SMS with the official twilio SDK (`messages.create`, see createTwilioChannel).
 *
 * @example
 * const sms = await createTwilioSmsChannel(ctx, { httpClient: new FakeTwilioHttpClient(fake.url) });
 */
export async function createTwilioSmsChannel(deps: ChannelDeps, options: TwilioChannelOptions = {}): Promise<DeliveryChannel> {
  const config = deps.config.twilio;
  if (!config) throw new Error('createTwilioSmsChannel needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender');
  return createTwilioChannel(deps, 'sms', config, async (message) => ({ body: await composeTwilioText(deps, message, 'sms') }), options);
}
