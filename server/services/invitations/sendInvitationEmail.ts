import type { AppContext } from '../../context.js';
import { sendAccountEmail } from '../accounts/sendAccountEmail.js';
import { signInvitationToken } from './invitationToken.js';

/** The invitation fields the email is made from. */
export interface InvitationEmailProps {
  id: string;
  email: string;
  name: string;
  role: string;
  tokenId: string;
  expiresAt: Date;
  /** The admin who sent it, named in the email so the person knows who to ask. */
  invitedByName: string | null;
}

/**
 * Emails an invitation's current link: `${publicUrl}/invitation#token=…` (the token in the fragment stays
 * out of server logs and Referer headers). Opening the link changes nothing (mail scanners fetch links);
 * the person sets a password on the page, which accepts the invitation.
 *
 * @example
 * await sendInvitationEmail(ctx, { ...invitation, invitedByName: admin.name });
 */
export async function sendInvitationEmail(ctx: AppContext, invitation: InvitationEmailProps): Promise<void> {
  const token = signInvitationToken(ctx.signingSecret, { invitationId: invitation.id, tokenId: invitation.tokenId, expiresAt: invitation.expiresAt });
  const who = invitation.invitedByName ?? 'An administrator';
  await sendAccountEmail(ctx, {
    to: { name: invitation.name, address: invitation.email },
    subject: 'You are invited to FlashNotify',
    paragraphs: [
      `Hello ${invitation.name},`,
      `${who} invited you to FlashNotify${invitation.role === 'admin' ? ' as an administrator' : ''}, where your notifications arrive.`,
      'Choose a password to create your account.',
    ],
    buttonLabel: 'Accept the invitation',
    url: `${ctx.publicUrl.replace(/\/$/, '')}/invitation#token=${token}`,
    expiry: `This link works once, until ${invitation.expiresAt.toUTCString()}.`,
    footer: `You receive this email because ${who} entered your address in FlashNotify. If you did not expect it, ignore it: no account is made until you choose a password.`,
  });
}
