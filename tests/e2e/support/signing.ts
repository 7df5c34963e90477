import { createHmac } from 'node:crypto';
import { signReadToken } from '../../../server/services/notifications/readToken.js';
import { E2E_SESSION_SECRET } from './constants.js';

/**
 * A genuine push read token for the e2e server, as a push payload would carry it. The signing key is
 * derived from the session secret exactly as `startServer` (server/server.ts) derives `ctx.signingSecret`.
 *
 * @example
 * const token = e2eReadToken({ userId, notificationId });
 */
export function e2eReadToken(claim: { userId: string; notificationId: string }): string {
  const signingSecret = createHmac('sha256', E2E_SESSION_SECRET).update('flashnotify:signing').digest('base64url');
  return signReadToken(signingSecret, { ...claim, expiresAt: new Date(Date.now() + 3600_000) });
}
