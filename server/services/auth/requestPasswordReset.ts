import type { AppContext } from '../../context.js';
import { LINK_EXPIRY_FORMAT } from '../../channels/email/composeAccountEmail.js';
import { translator } from '../../i18n/catalogs.js';
import { sendAccountEmail } from '../accounts/sendAccountEmail.js';
import { createSetPasswordLink } from './setPasswordLink.js';
import { PASSWORD_RESET_TOKEN_TTL_MS } from './setPasswordToken.js';

/**
 * "Forgot password?": emails a set-password link (PASSWORD_RESET_TOKEN_TTL_MS, once) to the account with
 * this email, if there is one. Only accounts that have a password get one: a user a service registered
 * (no password) has no account to recover, and an invitation is how an admin gives them one.
 *
 * The route answers 204 before calling this, whatever happens here, so neither the answer nor its timing
 * tells whether the address has an account; failures are logged, never reported to the requester.
 *
 * @returns whether an email was sent (for logs and tests)
 * @example
 * res.status(204).end();
 * await requestPasswordReset(ctx, email).catch((err) => ctx.log.warn({ err }, '…'));
 */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<boolean> {
  const user = await ctx.db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, email: true, passwordHash: true, locale: true, timezone: true } });
  if (!user?.passwordHash) return false;
  const link = await createSetPasswordLink(ctx.db, ctx, user.id, { ttlMs: PASSWORD_RESET_TOKEN_TTL_MS });
  const { t, locale, date } = translator(user.locale, user.timezone);
  const app = t('app.name');
  await sendAccountEmail(ctx, {
    locale,
    to: { name: user.name, address: user.email },
    subject: t('passwordReset.subject', { app }),
    paragraphs: [t('account.hello', { name: user.name }), t('passwordReset.intro', { app }), t('passwordReset.choose')],
    buttonLabel: t('passwordReset.button'),
    url: link.url,
    expiry: t('account.linkExpiry', { expiresAt: date(link.expiresAt, LINK_EXPIRY_FORMAT) }),
    footer: t('passwordReset.footer'),
  });
  ctx.log.info({ userId: user.id }, 'Password reset link sent');
  return true;
}
