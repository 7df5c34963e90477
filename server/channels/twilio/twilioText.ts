import { loadCategoryInfo } from '../../services/categories/loadCategoryInfo.js';
import type { ChannelDeps } from '../createChannels.js';
import { composeSmsText } from '../sms/smsText.js';
import type { OutgoingMessage } from '../types.js';
import type { TwilioChannelName } from './twilioAddress.js';

/**
 * The text of an SMS or a free-form WhatsApp message (composeSmsText); whether the category is locked
 * decides the opt-out hint.
 */
export async function composeTwilioText(deps: ChannelDeps, message: OutgoingMessage, channel: TwilioChannelName): Promise<string> {
  const { locked } = await loadCategoryInfo(deps.db, message.notification.category);
  return composeSmsText(message, deps.publicUrl, { categoryLocked: locked, channel });
}
