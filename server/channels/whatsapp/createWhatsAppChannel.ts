import type { ChannelDeps } from '../createChannels.js';
import { createTwilioChannel, createTwilioOutboxChannel, type TwilioChannelOptions, type TwilioContent } from '../twilio/createTwilioChannel.js';
import { composeTwilioText } from '../twilio/twilioText.js';
import type { DeliveryChannel, OutgoingMessage } from '../types.js';
import { whatsappTemplateVariables } from './whatsappTemplate.js';

/** The WhatsApp channel: Twilio when TWILIO_WHATSAPP_FROM is set (with the account), otherwise the dev outbox. */
export async function createWhatsAppChannel(deps: ChannelDeps): Promise<DeliveryChannel> {
  return deps.config.whatsapp ? createTwilioWhatsAppChannel(deps) : createTwilioOutboxChannel(deps, 'whatsapp');
}

/**
 * Sends WhatsApp messages through Twilio to `whatsapp:+E164`: the approved template TWILIO_WHATSAPP_CONTENT_SID
 * when set (business-initiated messages need one outside the 24-hour customer-service window), else the
 * SMS-like free-form text, which WhatsApp accepts only inside that window (otherwise Twilio 63016, permanent).
 *
 * @example
 * const whatsapp = await createTwilioWhatsAppChannel(ctx, { httpClient: new FakeTwilioHttpClient(fake.origin) });
 */
export async function createTwilioWhatsAppChannel(deps: ChannelDeps, options: TwilioChannelOptions = {}): Promise<DeliveryChannel> {
  const config = deps.config.whatsapp;
  if (!config) throw new Error('createTwilioWhatsAppChannel needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_FROM');
  const { contentSid } = config;
  const compose = async (message: OutgoingMessage): Promise<TwilioContent> =>
    contentSid
      ? { contentSid, contentVariables: whatsappTemplateVariables(message, deps.publicUrl) }
      : { body: await composeTwilioText(deps, message, 'whatsapp') };
  // Its own provider name, so its own breaker: WhatsApp-only failures (Meta's 63018 rate limit) must not hold SMS.
  return createTwilioChannel(deps, 'whatsapp', config, compose, { provider: 'twilio:whatsapp', ...options });
}
