import type { AppContext } from '../../context.js';
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
  const user = await ctx.db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, email: true, passwordHash: true } });
  if (!user?.passwordHash) return false;
  const link = await createSetPasswordLink(ctx.db, ctx, user.id, { ttlMs: PASSWORD_RESET_TOKEN_TTL_MS });
  await sendAccountEmail(ctx, {
    to: { name: user.name, address: user.email },
    subject: 'Reset your FlashNotify password',
    paragraphs: [
      `Hello ${user.name},`,
      'Someone (hopefully you) asked to reset the password of your FlashNotify account.',
      'Choose a new password with the button below. Setting it signs your account out on every device.',
    ],
    buttonLabel: 'Choose a new password',
    url: link.url,
    expiry: `This link works once, until ${link.expiresAt.toUTCString()}.`,
    footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
  ctx.log.info({ userId: user.id }, 'Password reset link sent');
  return true;
}
