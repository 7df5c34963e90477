import { randomBytes } from 'node:crypto';
import { HttpError } from '../../errors.js';
import { checkOutboundUrl } from '../../outbound/checkOutboundUrl.js';
import type { OutboundPolicy } from '../../outbound/outboundPolicy.js';

/**
 * A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 24 random bytes (192 bits;
 * the spec asks for 24 to 64). Receivers pass it as is to the `standardwebhooks` library's `Webhook`.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * The URL an endpoint may have, as the URL parser writes it: the outbound rule of push endpoints (https,
 * a public host, port 443 unless OUTBOUND_ALLOWED_HOSTS lists the host).
 *
 * @throws HttpError 400 `validation_failed` naming `url` with the reason
 */
export function usableWebhookUrl(url: string, policy: OutboundPolicy): string {
  const target = checkOutboundUrl(url, policy);
  if (!target.ok) throw new HttpError(400, 'validation_failed', 'Invalid request body', [{ path: 'url', message: target.reason }]);
  return target.url.href;
}
