import type { ApiErrorDetail } from '../../../shared/errors.js';
import { truncateText } from '../../../shared/text.js';
import { MAX_PUSH_DEVICES_PER_USER, type PushDeviceDto, type PushSubscriptionInput } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import type { OutboundPolicy } from '../../outbound/outboundPolicy.js';
import { presentPushDevice } from '../../presenters/pushDevice.js';
import { publishPreferences, type PreferencesContext } from '../preferences/getPreferences.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';
import { byRecentActivity } from './deviceActivity.js';

export interface SavePushSubscriptionProps {
  userId: string;
  subscription: PushSubscriptionInput;
  /** The browser's User-Agent header, shown as "Chrome on Linux" on the Devices page. */
  userAgent: string;
}

/** Longest stored User-Agent, in UTF-16 code units; a longer one is cut on a character boundary. */
const MAX_USER_AGENT = 512;

/**
 * Stores the browser's subscription after the user clicked "Enable push" (consent is recorded now).
 * Keyed by endpoint, as the URL parser writes it (`https://push.example:443/x` is `https://push.example/x`):
 * subscribing again refreshes the keys instead of adding a device, and an endpoint last used by another
 * account on the same browser moves to this user, so the previous account stops receiving pushes there.
 * A user keeps at most MAX_PUSH_DEVICES_PER_USER devices: one more evicts the least recently active
 * (evictBeyondCap), so a new browser can always subscribe. The user's other tabs hear about it
 * (`preferences.updated`: the push channel may have become available).
 *
 * @example
 * const device = await savePushSubscription(ctx, { userId, subscription: body, userAgent });
 */
export async function savePushSubscription(ctx: PreferencesContext & Pick<AppContext, 'config'>, props: SavePushSubscriptionProps): Promise<PushDeviceDto> {
  const endpoint = assertUsable(props.subscription, ctx.config.outbound);
  const { keys } = props.subscription;
  const data = {
    userId: props.userId,
    p256dh: keys.p256dh,
    auth: keys.auth,
    userAgent: truncateText(props.userAgent, MAX_USER_AGENT),
    consentAt: new Date(),
  };
  // Two tabs subscribing at once race on the unique endpoint; the retry updates the winner's row.
  const row = await retryOnUniqueViolation(() =>
    ctx.db.$transaction(async (tx) => {
      const saved = await tx.pushSubscription.upsert({ where: { endpoint }, create: { endpoint, ...data }, update: data });
      await evictBeyondCap(tx, props.userId, saved.id);
      return saved;
    }),
  );
  await publishPreferences(ctx, props.userId);
  return presentPushDevice(row);
}

/**
 * Deletes the user's devices beyond MAX_PUSH_DEVICES_PER_USER, least recently active first
 * (byRecentActivity: the later of the last (re-)subscription and the last push a push service accepted);
 * never the device just saved. Two subscriptions of one user committing at the same instant on PostgreSQL
 * may leave one device over the cap until the next; sends use at most the cap's most recently active
 * devices anyway (listPushTargets).
 */
async function evictBeyondCap(tx: Tx, userId: string, keepId: string): Promise<void> {
  const devices = await tx.pushSubscription.findMany({ where: { userId }, select: { id: true, consentAt: true, lastUsedAt: true } });
  if (devices.length <= MAX_PUSH_DEVICES_PER_USER) return;
  const evict = devices
    .filter((d) => d.id !== keepId)
    .sort(byRecentActivity)
    .slice(MAX_PUSH_DEVICES_PER_USER - 1)
    .map((d) => d.id);
  await tx.pushSubscription.deleteMany({ where: { id: { in: evict } } });
}

/**
 * Rejects an endpoint the server must not call (private, loopback, link-local… hosts, ports other than
 * 443: the outbound rule, `server/outbound/`) and keys web-push could never encrypt to (p256dh: an
 * uncompressed P-256 point, 65 bytes; auth: 16 bytes), so a bad subscription fails here with a 400 instead
 * of at every send. Returns the endpoint as the URL parser writes it (the stored key).
 */
function assertUsable({ endpoint, keys }: PushSubscriptionInput, policy: OutboundPolicy): string {
  const details: ApiErrorDetail[] = [];
  const target = checkOutboundUrl(endpoint, policy);
  if (!target.ok) details.push({ path: 'endpoint', message: target.reason });
  const p256dh = Buffer.from(keys.p256dh, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 0x04) {
    details.push({ path: 'keys.p256dh', message: 'Must be an uncompressed P-256 public key (65 bytes, base64url)' });
  }
  if (Buffer.from(keys.auth, 'base64url').length !== 16) {
    details.push({ path: 'keys.auth', message: 'Must be a 16-byte secret (base64url)' });
  }
  if (!target.ok || details.length > 0) throw new HttpError(400, 'validation_failed', 'Invalid request body', details);
  return target.url.href;
}
