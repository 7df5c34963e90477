import { createHmac } from 'node:crypto';

/**
 * The HMAC key of signed links and tokens (email unsubscribe, read links, set-password links), derived
 * from the session secret so one secret configures both. The server and the CLI (`npm run user:create`)
 * derive it the same way, so a link printed by the CLI is accepted by every node with that secret.
 *
 * @example
 * const signingSecret = deriveSigningSecret(await resolveSessionSecret(config));
 */
export function deriveSigningSecret(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('flashnotify:signing').digest('base64url');
}
