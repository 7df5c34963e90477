import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { VapidKeys } from './vapidKeys.js';

/** One stored subscription, as web-push needs it. */
export interface DeviceTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What one push service said about one device. */
export type DeviceOutcome =
  | { kind: 'accepted'; providerMessageId: string }
  /** 404/410: the subscription is gone for good; the caller deletes it. */
  | { kind: 'gone'; reason: string }
  /** Another 4xx (bad key, payload too large): retrying the same request cannot succeed. */
  | { kind: 'rejected'; reason: string }
  /** Network error, timeout, 429, 5xx: worth another try later. */
  | { kind: 'transient'; reason: string };

export interface SendOptions {
  vapid: VapidKeys & { subject: string };
  /** Seconds the push service keeps the message for an offline device. */
  ttl: number;
  urgency: webpush.Urgency;
  /** Replaces an undelivered message with the same topic, so a retry does not queue a duplicate. */
  topic?: string;
  /** Tests pass an agent that trusts their self-signed endpoint. */
  agent?: Agent;
  timeoutMs: number;
}

/**
 * Encrypts and sends one payload to one device, and classifies the answer instead of throwing.
 *
 * @example
 * const outcome = await sendToDevice(subscriptionRow, JSON.stringify(payload), options);
 */
export async function sendToDevice(device: DeviceTarget, payload: string, options: SendOptions): Promise<DeviceOutcome> {
  try {
    const result = await webpush.sendNotification(
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      payload,
      {
        vapidDetails: options.vapid,
        contentEncoding: 'aes128gcm', // RFC 8291; the older aesgcm draft is only for pre-2018 browsers
        TTL: options.ttl,
        urgency: options.urgency,
        ...(options.topic ? { topic: options.topic } : {}),
        ...(options.agent ? { agent: options.agent } : {}),
        timeout: options.timeoutMs,
      },
    );
    const location = result.headers.location;
    return { kind: 'accepted', providerMessageId: typeof location === 'string' && location ? location : `HTTP ${result.statusCode}` };
  } catch (err) {
    return classify(err);
  }
}

function classify(err: unknown): DeviceOutcome {
  if (!(err instanceof WebPushError)) {
    // Network failures, TLS errors, timeouts: the push service may be back soon. A malformed stored key
    // also lands here (thrown while encrypting), and it never heals.
    const message = err instanceof Error ? err.message : String(err);
    return /p256dh|auth key|public key/i.test(message) ? { kind: 'rejected', reason: message } : { kind: 'transient', reason: message };
  }
  const reason = `HTTP ${err.statusCode}${err.body ? `: ${err.body.slice(0, 200)}` : ''}`;
  if (err.statusCode === 404 || err.statusCode === 410) return { kind: 'gone', reason };
  if (err.statusCode === 408 || err.statusCode === 429 || err.statusCode >= 500) return { kind: 'transient', reason };
  return { kind: 'rejected', reason };
}
