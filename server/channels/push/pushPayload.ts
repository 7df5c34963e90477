import type { Priority } from '../../../shared/types.js';
import { READ_TOKEN_TTL_MS, signReadToken } from '../../services/notifications/readToken.js';
import type { OutgoingMessage } from '../types.js';

/** The JSON the service worker (`client/public/sw.js`) receives in its `push` event. */
export interface PushPayload {
  id: string;
  title: string;
  body: string;
  /** Where a click leads: the absolute action URL, or the inbox. */
  url: string;
  category: string;
  priority: Priority;
  /** Lets the service worker mark the notification read without a cookie or CSRF token. */
  readToken: string;
}

// Push services must accept 4096 encrypted bytes; aes128gcm adds an 86-byte header, a padding delimiter
// and a 16-byte tag, which leaves 3993 bytes of JSON. A long body is cut rather than the send refused.
export const MAX_PAYLOAD_BYTES = 3993;

/**
 * The payload for one notification; a body too long for a push message is shortened with an ellipsis.
 *
 * @example
 * const json = buildPushPayload(message, { publicUrl: ctx.publicUrl, signingSecret: ctx.signingSecret });
 */
export function buildPushPayload(
  message: OutgoingMessage,
  options: { publicUrl: string; signingSecret: string; now?: Date },
): string {
  const { notification, recipient } = message;
  const now = options.now ?? new Date();
  const payload: PushPayload = {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    url: notification.actionUrl ?? `${options.publicUrl}/`,
    category: notification.category,
    priority: notification.priority,
    readToken: signReadToken(options.signingSecret, {
      userId: recipient.id,
      notificationId: notification.id,
      expiresAt: new Date(now.getTime() + READ_TOKEN_TTL_MS),
    }),
  };
  return fitToLimit(payload);
}

/** The longest body prefix (whole code points, so an emoji is never split) for which the JSON fits MAX_PAYLOAD_BYTES. */
function fitToLimit(payload: PushPayload): string {
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  const chars = Array.from(payload.body);
  const render = (length: number) => JSON.stringify({ ...payload, body: `${chars.slice(0, length).join('')}…` });
  // Binary search: bytes per character vary (ASCII 1, emoji 4, escaped quotes and newlines 2 in JSON).
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(render(mid)) <= MAX_PAYLOAD_BYTES) low = mid;
    else high = mid - 1;
  }
  return render(low);
}
