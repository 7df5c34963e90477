import { signToken, verifyToken } from '../auth/signedToken.js';

/**
 * How long an invitation link works: a week, so a person invited on a Friday can still accept after a
 * holiday. It is longer than a reset link's hour because the person did not ask for it and may read it
 * days later; the row still lets an admin revoke it at any moment.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What an invitation token names: one invitation, and which of its links (a resend makes a new `tokenId`). */
export interface InvitationClaim {
  invitationId: string;
  tokenId: string;
  expiresAt: Date;
}

// Domain separation from set-password, unsubscribe and read links signed with the same secret.
const PURPOSE = 'flashnotify:invitation:v1';
const VERSION = 1;

/**
 * `base64url(JSON [version, invitationId, tokenId, expiry s]).base64url(HMAC-SHA256)` (see signedToken.ts).
 *
 * @example
 * const token = signInvitationToken(ctx.signingSecret, { invitationId: row.id, tokenId: row.tokenId, expiresAt: row.expiresAt });
 */
export function signInvitationToken(secret: string, claim: InvitationClaim): string {
  return signToken(secret, PURPOSE, [VERSION, claim.invitationId, claim.tokenId, Math.floor(claim.expiresAt.getTime() / 1000)]);
}

/**
 * The claim of a token this install signed, or undefined. Expiry and the invitation's state are the
 * caller's to check (findInvitation).
 *
 * @example
 * const claim = verifyInvitationToken(ctx.signingSecret, token);
 */
export function verifyInvitationToken(secret: string, token: string): InvitationClaim | undefined {
  const fields = verifyToken(secret, PURPOSE, token);
  if (!fields || fields.length !== 4) return undefined;
  const [version, invitationId, tokenId, expiry] = fields;
  if (version !== VERSION || typeof invitationId !== 'string' || typeof tokenId !== 'string' || !Number.isInteger(expiry)) return undefined;
  return { invitationId, tokenId, expiresAt: new Date((expiry as number) * 1000) };
}
