import type { ApiErrorDetail } from '../../../shared/errors.js';
import { truncateText } from '../../../shared/text.js';
import type { PushDeviceDto, PushSubscriptionInput } from '../../../shared/schemas/delivery.js';
import type { AppContext } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import type { OutboundPolicy } from '../../outbound/outboundPolicy.js';
import { presentPushDevice } from '../../presenters/pushDevice.js';
import { publishPreferences, type PreferencesContext } from '../preferences/getPreferences.js';
import { retryOnUniqueViolation } from '../uniqueViolation.js';

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
 * Keyed by endpoint: subscribing again refreshes the keys, and an endpoint last used by another account
 * on the same browser moves to this user, so the previous account stops receiving pushes there. The
 * user's other tabs hear about it (`preferences.updated`: the push channel may have become available).
 *
 * @example
 * const device = await savePushSubscription(ctx, { userId, subscription: body, userAgent });
 */
export async function savePushSubscription(ctx: PreferencesContext & Pick<AppContext, 'config'>, props: SavePushSubscriptionProps): Promise<PushDeviceDto> {
  const { endpoint, keys } = props.subscription;
  assertUsable(props.subscription, ctx.config.outbound);
  const data = {
    userId: props.userId,
    p256dh: keys.p256dh,
    auth: keys.auth,
    userAgent: truncateText(props.userAgent, MAX_USER_AGENT),
    consentAt: new Date(),
  };
  // Two tabs subscribing at once race on the unique endpoint; the retry updates the winner's row.
  const row = await retryOnUniqueViolation(() =>
    ctx.db.pushSubscription.upsert({ where: { endpoint }, create: { endpoint, ...data }, update: data }),
  );
  await publishPreferences(ctx, props.userId);
  return presentPushDevice(row);
}

/**
 * Rejects an endpoint the server must not call (private, loopback, link-local… hosts: the outbound
 * rule, `server/outbound/`) and keys web-push could never encrypt to (p256dh: an uncompressed P-256
 * point, 65 bytes; auth: 16 bytes), so a bad subscription fails here with a 400 instead of at every send.
 */
function assertUsable({ endpoint, keys }: PushSubscriptionInput, policy: OutboundPolicy): void {
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
  if (details.length > 0) throw new HttpError(400, 'validation_failed', 'Invalid request body', details);
}
