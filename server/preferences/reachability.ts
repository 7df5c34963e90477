import type { ExternalChannel } from '../channels/types.js';

/** Where a user can be reached and what they agreed to. */
export interface RecipientReach {
  email: string | null;
  phone: string | null;
  smsConsentAt: Date | null;
  whatsappConsentAt: Date | null;
  pushDevices: number;
  /** Their Teams incoming webhook / Workflows URL, if they have one. */
  teamsWebhookUrl: string | null;
}

/**
 * Why an external channel cannot reach this user, or undefined when it can: an email address; a phone
 * number AND recorded SMS consent; a phone number AND recorded WhatsApp consent (its own: Meta requires an
 * explicit WhatsApp opt-in, SMS consent does not count); at least one push device; for Slack an email too (the channel finds the
 * member by it unless the v1 users API gave their `slackUserId`; one not in the workspace fails permanently); for
 * Teams a webhook URL (set by the v1 users API). Routing and the preferences page both use
 * this one rule, so the page never promises a channel routing would skip.
 */
export function unreachableReason(channel: ExternalChannel, reach: RecipientReach): string | undefined {
  switch (channel) {
    case 'email':
      return reach.email ? undefined : 'Add an email address';
    case 'sms':
      return !reach.phone ? 'Add a phone number' : !reach.smsConsentAt ? 'Give SMS consent' : undefined;
    case 'push':
      return reach.pushDevices > 0 ? undefined : 'Enable push on a device';
    case 'slack':
      return reach.email ? undefined : 'Add an email address';
    case 'teams':
      return reach.teamsWebhookUrl ? undefined : 'Add a Microsoft Teams webhook URL';
    case 'whatsapp':
      return !reach.phone ? 'Add a phone number' : !reach.whatsappConsentAt ? 'Give WhatsApp consent' : undefined;
  }
}
