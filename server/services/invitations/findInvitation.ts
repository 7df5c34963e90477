import type { Db } from '../../db/client.js';
import { HttpError } from '../../errors.js';
import { verifyInvitationToken, type InvitationClaim } from './invitationToken.js';

const tokenError = (status: 400 | 410, code: string, message: string) => new HttpError(status, code, message, [{ path: 'token', message }]);

/**
 * The invitation a link is for, while the link still works: signed by this install, unexpired, the latest
 * link of that invitation (a resend replaces `tokenId`), neither revoked nor accepted. The token is
 * stateless; the row is what makes revoking and resending take effect at once.
 *
 * @throws HttpError 400 `invalid_token` (tampered, malformed, another install's, invitation gone),
 *   410 `token_expired`, `invitation_revoked`, `token_replaced` (a newer link was sent), `token_used` (accepted)
 * @example
 * const { invitation, claim } = await findInvitation(ctx.db, ctx.signingSecret, body.token);
 */
export async function findInvitation(db: Db, signingSecret: string, token: string, now = new Date()) {
  const claim: InvitationClaim | undefined = verifyInvitationToken(signingSecret, token);
  if (!claim) throw tokenError(400, 'invalid_token', 'This link is not valid');
  const invitation = await db.invitation.findUnique({ where: { id: claim.invitationId } });
  if (!invitation) throw tokenError(400, 'invalid_token', 'This link is not valid');
  if (invitation.acceptedAt) throw tokenError(410, 'token_used', 'This invitation was already accepted; sign in instead');
  if (invitation.revokedAt) throw tokenError(410, 'invitation_revoked', 'This invitation was withdrawn');
  if (invitation.tokenId !== claim.tokenId) {
    throw tokenError(410, 'token_replaced', 'A newer invitation was sent; use the link in the latest email');
  }
  if (claim.expiresAt <= now || invitation.expiresAt <= now) throw tokenError(410, 'token_expired', 'This invitation has expired; ask for a new one');
  return { invitation, claim };
}
