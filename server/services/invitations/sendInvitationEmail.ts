import type { AppContext } from '../../context.js';
import { LINK_EXPIRY_FORMAT } from '../../channels/email/composeAccountEmail.js';
import { translator } from '../../i18n/catalogs.js';
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
  /** The email's language (any tag; null or one without a catalog: English). */
  locale: string | null;
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
  const { t, locale, date } = translator(invitation.locale);
  const app = t('app.name');
  const who = invitation.invitedByName ?? t('invitation.someone');
  await sendAccountEmail(ctx, {
    locale,
    to: { name: invitation.name, address: invitation.email },
    subject: t('invitation.subject', { app }),
    paragraphs: [
      t('account.hello', { name: invitation.name }),
      t('invitation.intro', { who, app, asAdmin: invitation.role === 'admin' ? 'yes' : 'no' }),
      t('invitation.choose'),
    ],
    buttonLabel: t('invitation.button'),
    url: `${ctx.publicUrl.replace(/\/$/, '')}/invitation#token=${token}`,
    expiry: t('account.linkExpiry', { expiresAt: date(invitation.expiresAt, LINK_EXPIRY_FORMAT) }),
    footer: t('invitation.footer', { who, app }),
  });
}
