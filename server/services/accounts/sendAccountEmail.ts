import { canSendAccountEmail } from '../../channels/email/createEmailChannel.js';
import type { AccountEmail } from '../../channels/email/composeAccountEmail.js';
import type { AppContext } from '../../context.js';
import { sendWithFailover } from '../../delivery/sendWithFailover.js';

/**
 * Sends an email about a person's account (invitation, password reset) through the email channel: SMTP
 * when `SMTP_URL` is set, otherwise the dev outbox, as notification emails go. It is sent now, not queued as
 * a delivery: the person is waiting for it, and a failure is the caller's to report (the invitation can be
 * resent; a reset can be asked for again). The email channel's admin switch does not apply: it is about
 * notifications, and turning it off must not lock people out of their accounts.
 *
 * @throws Error with the last relay's message when none took it (refused, unreachable, or all breakers open)
 * @example
 * await sendAccountEmail(ctx, { to, subject, paragraphs, buttonLabel, url, expiry, footer });
 */
export async function sendAccountEmail(ctx: Pick<AppContext, 'delivery'>, email: AccountEmail): Promise<void> {
  const providers = ctx.delivery.providers.email;
  const capable = providers.filter(canSendAccountEmail);
  if (capable.length === 0) throw new Error(`The email channel (${providers[0].provider}) cannot send account emails`);
  // Through the relays in failover order, like notification emails (and counted by the same breakers).
  const result = await sendWithFailover(capable, ctx.delivery.breakerFor, (provider) => provider.sendAccountEmail(email));
  if (result.kind === 'all_open') throw new Error('Every email relay is unavailable (circuit breaker open); try again later');
  const last = result.tries.at(-1)!;
  if (last.outcome !== 'sent') throw new Error(last.error ?? last.outcome);
}
