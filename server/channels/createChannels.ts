import type { AppContext } from '../context.js';
import { createEmailChannel } from './email/createEmailChannel.js';
import { createPushChannel } from './push/createPushChannel.js';
import { createSlackChannel } from './slack/createSlackChannel.js';
import { createSmsChannel } from './sms/createSmsChannel.js';
import { createTeamsChannel } from './teams/createTeamsChannel.js';
import type { DeliveryChannel, ExternalChannel } from './types.js';
import { createWhatsAppChannel } from './whatsapp/createWhatsAppChannel.js';

/** What channels may use: the app context itself, so `publicUrl` set after listening is seen at send time. */
export type ChannelDeps = Pick<AppContext, 'config' | 'db' | 'log' | 'signingSecret' | 'publicUrl'>;

/**
 * A channel's providers: one, or several in failover order (each a DeliveryChannel named by its `provider`).
 */
export type ChannelProviders = DeliveryChannel | DeliveryChannel[];

/** Builds a channel's provider(s) from the app context (which exists only once the server starts). */
export type ChannelFactory = (deps: ChannelDeps) => ChannelProviders | Promise<ChannelProviders>;

/**
 * The providers per external medium, from configuration, in failover order: the SMTP relays or the dev
 * outbox for email, the Twilio account(s) or the dev outbox for SMS, Twilio or the dev outbox for WhatsApp,
 * web-push for push, the workspace bot or the dev outbox for Slack, each user's webhook URL (or the dev
 * outbox) for Teams. `overrides` lets tests build a real channel with test transport options (a local
 * Twilio fake, a self-signed push endpoint).
 */
export async function createChannels(
  deps: ChannelDeps,
  overrides: Partial<Record<ExternalChannel, ChannelFactory>> = {},
): Promise<Record<ExternalChannel, ChannelProviders>> {
  return {
    email: await (overrides.email ?? createEmailChannel)(deps),
    sms: await (overrides.sms ?? createSmsChannel)(deps),
    push: await (overrides.push ?? createPushChannel)(deps),
    slack: await (overrides.slack ?? createSlackChannel)(deps),
    teams: await (overrides.teams ?? createTeamsChannel)(deps),
    whatsapp: await (overrides.whatsapp ?? createWhatsAppChannel)(deps),
  };
}
