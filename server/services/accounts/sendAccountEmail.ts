import { canSendAccountEmail } from '../../channels/email/createEmailChannel.js';
import type { AccountEmail } from '../../channels/email/composeAccountEmail.js';
import type { AppContext } from '../../context.js';

/**
 * Sends an email about a person's account (invitation, password reset) through the email channel: SMTP
 * when `SMTP_URL` is set, otherwise the dev outbox, as notification emails go. It is sent now, not queued as
 * a delivery: the person is waiting for it, and a failure is the caller's to report (the invitation can be
 * resent; a reset can be asked for again). The email channel's admin switch does not apply: it is about
 * notifications, and turning it off must not lock people out of their accounts.
 *
 * @throws whatever the channel throws (SMTP refused or unreachable)
 * @example
 * await sendAccountEmail(ctx, { to, subject, paragraphs, buttonLabel, url, expiry, footer });
 */
export async function sendAccountEmail(ctx: Pick<AppContext, 'delivery'>, email: AccountEmail): Promise<void> {
  const channel = ctx.delivery.channels.email;
  if (!canSendAccountEmail(channel)) throw new Error(`The email channel (${channel.provider}) cannot send account emails`);
  await channel.sendAccountEmail(email);
}
