import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type webpush from 'web-push';
import type { Priority } from '../../../shared/types.js';
import type { ChannelDeps } from '../createChannels.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import { createOutboundAgent } from '../../outbound/outboundAgent.js';
import { listPushTargets } from '../../services/push/listPushTargets.js';
import { recordPushOutcomes } from '../../services/push/recordPushOutcomes.js';
import { PermanentDeliveryError, type ChannelResult, type DeliveryChannel, type OutgoingMessage } from '../types.js';
import { buildPushPayloads } from './pushPayload.js';
import { sendToDevice, type DeviceOutcome, type SendOptions } from './sendToDevice.js';
import { resolveVapidKeys } from './vapidKeys.js';

export interface WebPushChannelOptions {
  /**
   * Certificate authorities to trust instead of the system's (tests: the local push endpoint's
   * self-signed certificate). The outbound rules apply either way.
   */
  ca?: string;
}

// A day covers a phone that is off overnight; after that an alert about "now" is stale.
const TTL_SECONDS = 24 * 60 * 60;
// A push service that does not answer must not hold the delivery lease for long.
const TIMEOUT_MS = 10_000;
// Calls to push services one delivery makes at once. With MAX_PUSH_DEVICES_PER_USER (10) that is two
// rounds at most: even if every call times out and is resent once after a 413, 2 × 2 × 10 s = 40 s,
// within the default delivery lease (DELIVERY_LEASE_MS, 60 s).
export const PUSH_SEND_CONCURRENCY = 5;

const URGENCY: Record<Priority, webpush.Urgency> = { low: 'low', normal: 'normal', high: 'high', critical: 'high' };

/** The push channel of the running server (web-push with VAPID). */
export async function createPushChannel(deps: ChannelDeps): Promise<DeliveryChannel> {
  return createWebPushChannel(deps);
}

/**
 * Web Push to the recipient's devices (at most MAX_PUSH_DEVICES_PER_USER, the most recently active; at
 * most PUSH_SEND_CONCURRENCY calls at once). Success if any device accepted; 404/410 prunes that
 * subscription; no device left is permanent; only transient failures (network, 429, 5xx) retry. Every
 * request goes through the outbound agent (`server/outbound/`): an endpoint whose host is, or resolves
 * to, a private address fails permanently without a connection being made.
 *
 * @example
 * const push = await createWebPushChannel(server.ctx, { ca: endpoint.ca });
 */
export async function createWebPushChannel(deps: ChannelDeps, options: WebPushChannelOptions = {}): Promise<DeliveryChannel> {
  // Generates and stores the keys on first run, so the client can subscribe before any push is sent.
  await resolveVapidKeys(deps);
  // Kept alive: most pushes go to a handful of push services (FCM, Mozilla, Apple, Microsoft).
  const agent = createOutboundAgent(deps.config.outbound, { keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  return {
    channel: 'push',
    provider: 'web-push',
    send: (message) => sendToAllDevices(deps, agent, message),
    close: async () => agent.destroy(),
  };
}

async function sendToAllDevices(deps: ChannelDeps, agent: SendOptions['agent'], message: OutgoingMessage): Promise<ChannelResult> {
  const devices = await listPushTargets(deps.db, message.recipient.id);
  if (devices.length === 0) throw new PermanentDeliveryError('no push devices');

  const keys = await resolveVapidKeys(deps);
  const payloads = buildPushPayloads(message, { publicUrl: deps.publicUrl, signingSecret: deps.signingSecret });
  const sendOptions: SendOptions = {
    vapid: { ...keys, subject: deps.config.vapid.subject },
    ttl: TTL_SECONDS,
    urgency: URGENCY[message.notification.priority],
    topic: topicFor(message.notification.id),
    agent,
    timeoutMs: TIMEOUT_MS,
  };
  // One limiter per delivery: the deliveries the worker runs side by side each get their own bound.
  const limit = pLimit(PUSH_SEND_CONCURRENCY);
  const outcomes = await Promise.all(
    devices.map((device) =>
      limit(async (): Promise<DeviceOutcome> => {
        // Checked again at send time: the row may predate the rules (host, port), or the allowlist may have shrunk.
        const target = checkOutboundUrl(device.endpoint, deps.config.outbound);
        if (!target.ok) return { kind: 'rejected', reason: `endpoint refused: ${target.reason}` };
        return sendToDevice({ ...device, endpoint: target.url.href }, payloads, sendOptions);
      }),
    ),
  );
  return settle(deps, devices, outcomes);
}

/** Prunes gone devices, stamps the accepting ones, and turns the per-device outcomes into one result. */
async function settle(deps: ChannelDeps, devices: { id: string }[], outcomes: DeviceOutcome[]): Promise<ChannelResult> {
  const idsWhere = (kind: DeviceOutcome['kind']) => devices.filter((_, i) => outcomes[i]!.kind === kind).map((d) => d.id);
  const gone = idsWhere('gone');
  const accepted = idsWhere('accepted');
  await recordPushOutcomes(deps.db, { gone, accepted });
  if (gone.length > 0) deps.log.info({ subscriptions: gone }, 'push subscriptions pruned (404/410 from the push service)');
  if (accepted.length > 0) {
    const first = outcomes.find((o) => o.kind === 'accepted') as Extract<DeviceOutcome, { kind: 'accepted' }>;
    const notes = outcomes.flatMap((o) => (o.kind === 'accepted' && o.note ? [o.note] : []));
    return { providerMessageId: first.providerMessageId, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
  }
  const reasons = outcomes.map((o) => ('reason' in o ? `${o.kind}: ${o.reason}` : o.kind)).join('; ');
  if (outcomes.some((o) => o.kind === 'transient')) throw new Error(`push failed on every device (${reasons})`);
  if (gone.length === devices.length) throw new PermanentDeliveryError('no push devices');
  throw new PermanentDeliveryError(`push rejected by every device (${reasons})`);
}

/** The Topic header (at most 32 URL-safe base64 characters): the UUID without dashes, else a digest of the id. */
export function topicFor(notificationId: string): string {
  const compact = notificationId.replaceAll('-', '');
  return /^[A-Za-z0-9_]{1,32}$/.test(compact) ? compact : createHash('sha256').update(notificationId).digest('base64url').slice(0, 32);
}
