import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import { OutboundBlockedError } from '../../outbound/outboundAgent.js';
import type { VapidKeys } from '../../services/push/loadOrCreateVapidKeys.js';
import type { PushPayloads } from './pushPayload.js';

/** One stored subscription, as web-push needs it. */
export interface DeviceTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What one push service said about one device. */
export type DeviceOutcome =
  /** `note`: what went wrong on the way and was recovered (a 413 answered by the minimal payload). */
  | { kind: 'accepted'; providerMessageId: string; note?: string }
  /** 404/410: the subscription is gone for good; the caller deletes it. */
  | { kind: 'gone'; reason: string }
  /** Another 4xx (bad key, still too large), or an endpoint the outbound rule refuses: retrying cannot succeed. */
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
  /** The outbound agent (`server/outbound/`): refuses private addresses at connect time. */
  agent: Agent;
  timeoutMs: number;
}

/**
 * Sends the full payload to one device; if the push service answers 413 (too large), resends the
 * minimal payload at once, once. Classifies the answer instead of throwing.
 *
 * @example
 * const outcome = await sendToDevice(subscriptionRow, buildPushPayloads(message, deps), options);
 */
export async function sendToDevice(device: DeviceTarget, payloads: PushPayloads, options: SendOptions): Promise<DeviceOutcome> {
  const first = await sendOnce(device, payloads.full, options);
  if (first !== 'too_large') return first;
  // The details the minimal payload leaves out are fetched by the service worker with its token.
  const note = `HTTP 413 for the ${bytes(payloads.full)}-byte payload; resent the minimal payload (${bytes(payloads.minimal)} bytes)`;
  const second = await sendOnce(device, payloads.minimal, options);
  if (second === 'too_large') return { kind: 'rejected', reason: `${note}: HTTP 413 again` };
  if (second.kind === 'accepted') return { ...second, note: `${note}: accepted` };
  return { ...second, reason: `${note}: ${second.reason}` };
}

async function sendOnce(device: DeviceTarget, payload: string, options: SendOptions): Promise<DeviceOutcome | 'too_large'> {
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
        agent: options.agent,
        timeout: options.timeoutMs,
      },
    );
    const location = result.headers.location;
    return { kind: 'accepted', providerMessageId: typeof location === 'string' && location ? location : `HTTP ${result.statusCode}` };
  } catch (err) {
    if (err instanceof WebPushError && err.statusCode === 413) return 'too_large';
    return classify(err);
  }
}

function classify(err: unknown): DeviceOutcome {
  // The endpoint's host resolved to a private address (or is one): as permanent as a bad address.
  if (err instanceof OutboundBlockedError || (err as { code?: unknown } | null)?.code === 'ERR_OUTBOUND_BLOCKED') {
    return { kind: 'rejected', reason: (err as Error).message };
  }
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

function bytes(payload: string): number {
  return Buffer.byteLength(payload);
}
