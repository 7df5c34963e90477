import type { ChannelOverrides } from '../../shared/schemas/notification.js';
import type { Channel, Priority } from '../../shared/types.js';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../channels/types.js';

/** What routing needs to know about one recipient: where they can be reached and what they agreed to. */
export interface RecipientReach {
  email: string | null;
  phone: string | null;
  smsConsentAt: Date | null;
  pushDevices: number;
}

export interface RoutingInput {
  category: { defaultChannels: Channel[] };
  priority: Priority;
  overrides: ChannelOverrides | null;
  /** Channels the admins have not switched off. */
  enabledChannels: ReadonlySet<ExternalChannel>;
  recipient: RecipientReach;
}

/**
 * THE place that decides which external channels one notification uses for one recipient:
 * 1. the category's default channels;
 * 2. critical priority adds email, SMS and push;
 * 3. per-send overrides add (`true`) or remove (`false`) channels;
 * 4. channels an admin switched off are dropped;
 * 5. the recipient must be reachable there: an email address; a phone number AND recorded SMS consent;
 *    at least one push device (each one subscribed after an explicit user action).
 * The in-app inbox always receives the notification; this only picks the extra ways out.
 */
export function routeChannels(input: RoutingInput): ExternalChannel[] {
  const wanted = new Set<ExternalChannel>(
    input.category.defaultChannels.filter((c): c is ExternalChannel => c !== 'in_app'),
  );
  if (input.priority === 'critical') for (const channel of EXTERNAL_CHANNELS) wanted.add(channel);
  for (const [channel, on] of Object.entries(input.overrides ?? {})) {
    if (channel === 'in_app') continue;
    if (on) wanted.add(channel as ExternalChannel);
    else wanted.delete(channel as ExternalChannel);
  }
  return EXTERNAL_CHANNELS.filter(
    (channel) => wanted.has(channel) && input.enabledChannels.has(channel) && isReachable(channel, input.recipient),
  );
}

function isReachable(channel: ExternalChannel, reach: RecipientReach): boolean {
  switch (channel) {
    case 'email':
      return Boolean(reach.email);
    case 'sms':
      return Boolean(reach.phone && reach.smsConsentAt);
    case 'push':
      return reach.pushDevices > 0;
  }
}
