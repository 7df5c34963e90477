import { BellRing, Hash, Inbox, Mail, MessageCircle, MessageSquareText, Users, type LucideIcon } from 'lucide-react';
import type { IntlShape } from 'react-intl';
import type { EmailDigestMode } from '@shared/schemas/preferences';
import type { Channel } from '@shared/types';

/** Channel names (catalog messages) as the page and the matrix's accessible names use them ("Billing: Email"). */
export const CHANNEL_NAMES = {
  in_app: 'preferences.channel.in_app',
  email: 'preferences.channel.email',
  sms: 'preferences.channel.sms',
  push: 'preferences.channel.push',
  slack: 'preferences.channel.slack',
  teams: 'preferences.channel.teams',
  whatsapp: 'preferences.channel.whatsapp',
} as const satisfies Record<Channel, string>;

export const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  in_app: Inbox,
  email: Mail,
  sms: MessageSquareText,
  push: BellRing,
  slack: Hash,
  teams: Users,
  whatsapp: MessageCircle,
};

/** Each global switch's name (catalog messages): "Email notifications". */
export const CHANNEL_SWITCHES = {
  in_app: 'preferences.switch.in_app',
  email: 'preferences.switch.email',
  sms: 'preferences.switch.sms',
  push: 'preferences.switch.push',
  slack: 'preferences.switch.slack',
  teams: 'preferences.switch.teams',
  whatsapp: 'preferences.switch.whatsapp',
} as const satisfies Record<Channel, string>;

/** What each global switch covers when it is on (catalog messages). */
export const CHANNEL_HINTS = {
  in_app: 'preferences.channelHint.in_app',
  email: 'preferences.channelHint.email',
  sms: 'preferences.channelHint.sms',
  push: 'preferences.channelHint.push',
  slack: 'preferences.channelHint.slack',
  teams: 'preferences.channelHint.teams',
  whatsapp: 'preferences.channelHint.whatsapp',
} as const satisfies Record<Channel, string>;

/** Each email delivery mode's name (catalog messages). */
export const DIGEST_LABELS = {
  immediate: 'preferences.digest.immediate',
  hourly: 'preferences.digest.hourly',
  daily: 'preferences.digest.daily',
} as const satisfies Record<EmailDigestMode, string>;

/** The accessible name of one matrix cell: exactly "Billing: Email" (« Facturation : E-mail »). */
export const cellName = (intl: IntlShape, categoryLabel: string, channel: Channel) =>
  intl.formatMessage({ id: 'preferences.matrix.cellName' }, { category: categoryLabel, channel: intl.formatMessage({ id: CHANNEL_NAMES[channel] }) });
