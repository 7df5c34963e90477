import { randomBytes } from 'node:crypto';

/**
 * A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 24 random bytes (192 bits;
 * the spec asks for 24 to 64). Receivers pass it as is to the `standardwebhooks` library's `Webhook`.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
