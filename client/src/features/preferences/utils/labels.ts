import { BellRing, Inbox, Mail, MessageSquareText, type LucideIcon } from 'lucide-react';
import type { EmailDigestMode } from '@shared/schemas/preferences';
import type { Channel } from '@shared/types';

/** Channel names as the page and the matrix's accessible names use them ("Billing: Email"). */
export const CHANNEL_NAMES: Record<Channel, string> = {
  in_app: 'In-app',
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

export const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  in_app: Inbox,
  email: Mail,
  sms: MessageSquareText,
  push: BellRing,
};

/** What each global switch covers when it is on. */
export const CHANNEL_HINTS: Record<Channel, string> = {
  in_app: 'Your inbox and the bell. Critical notifications always arrive here.',
  email: 'Messages to your email address.',
  sms: 'Text messages to your phone.',
  push: 'Alerts on the devices where you enabled push.',
};

export const DIGEST_LABELS: Record<EmailDigestMode, string> = {
  immediate: 'Immediately',
  hourly: 'Hourly digest',
  daily: 'Daily digest',
};

/** The accessible name of one matrix cell: exactly "Billing: Email". */
export const cellName = (categoryLabel: string, channel: Channel) => `${categoryLabel}: ${CHANNEL_NAMES[channel]}`;
