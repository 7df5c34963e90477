import type { Channel } from '@shared/types';

/**
 * The delivery channels' names as catalog messages (the same words as the preferences page). The English
 * CHANNEL_LABELS in ./format stay for the pages not yet in the catalogs (compose, sends, categories).
 */
export const CHANNEL_LABEL_IDS = {
  in_app: 'preferences.channel.in_app',
  email: 'preferences.channel.email',
  sms: 'preferences.channel.sms',
  push: 'preferences.channel.push',
} as const satisfies Record<Channel, string>;
