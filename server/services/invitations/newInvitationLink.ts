import { randomBytes } from 'node:crypto';
import { INVITATION_TTL_MS } from './invitationToken.js';

/**
 * A fresh link identity for an invitation: a random `tokenId` (the link of any earlier `tokenId` stops
 * working) and an expiry INVITATION_TTL_MS from `now`, in whole seconds as the token stores it, so the
 * expiry the admin sees is exactly when the link dies.
 */
export function newInvitationLink(now = new Date()): { tokenId: string; expiresAt: Date; sentAt: Date } {
  return {
    tokenId: randomBytes(16).toString('base64url'),
    expiresAt: new Date(Math.floor((now.getTime() + INVITATION_TTL_MS) / 1000) * 1000),
    sentAt: now,
  };
}
