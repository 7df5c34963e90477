import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import type { ChannelDeps } from '../createChannels.js';
import { PermanentDeliveryError, type ChannelResult, type DeliveryChannel, type DigestCapable, type DigestMessage, type OutgoingMessage } from '../types.js';
import { composeAccountEmail, type AccountEmail } from './composeAccountEmail.js';
import { composeDigestEmail } from './composeDigestEmail.js';
import { composeEmail, type ComposedEmail } from './composeEmail.js';
import { loadEmailTemplates } from './emailTemplates.js';

/** Sends emails about a person's account (invitation, password reset): not notifications, no delivery row. */
export interface AccountEmailCapable {
  sendAccountEmail(email: AccountEmail): Promise<ChannelResult>;
}

/** The email channel type: a delivery channel that also sends digests and account emails. */
export type EmailChannel = DeliveryChannel & DigestCapable & AccountEmailCapable;

/** True when the channel can send account emails (the real email channels can; a test's stand-in may not). */
export function canSendAccountEmail(channel: DeliveryChannel): channel is DeliveryChannel & AccountEmailCapable {
  return typeof (channel as Partial<AccountEmailCapable>).sendAccountEmail === 'function';
}

/**
 * The email providers in failover order: one SMTP channel per relay of `SMTP_URL`, or the dev outbox when
 * it is unset.
 */
export async function createEmailChannel(deps: ChannelDeps): Promise<EmailChannel[]> {
  loadEmailTemplates();
  const relays = deps.config.email.smtpRelays;
  if (relays.length === 0) return [createDevOutboxEmailChannel(deps)];
  // nodemailer is loaded only when it is used: ~0.1 s of start-up that the dev outbox does not need.
  const { createSmtpEmailChannel } = await import('./smtpEmailChannel.js');
  return relays.map((relay) => createSmtpEmailChannel(deps, relay));
}

/**
 * Stores the rendered email in OutboxMessage (shown in the admin UI) instead of sending it, so the
 * embedded mode demonstrates the channel without a mail server.
 */
export function createDevOutboxEmailChannel(deps: ChannelDeps): EmailChannel {
  // `key` makes a retry return the stored row instead of a second one (what Message-ID dedup does for SMTP).
  const store = async (email: ComposedEmail, key: string) => {
    // The same check a real server would make, so the demo shows permanent failures too.
    if (!/^[^\s@]+@[^\s@]+$/.test(email.to.address)) {
      throw new PermanentDeliveryError(`Invalid recipient address ${JSON.stringify(email.to.address)}`);
    }
    const id = await storeInOutbox(deps.db, {
      channel: 'email',
      deliveryId: key,
      to: email.to.address,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: {
        From: deps.config.email.from,
        ...(deps.config.email.replyTo ? { 'Reply-To': deps.config.email.replyTo } : {}),
        'Message-ID': email.messageId,
        ...email.headers,
      },
    });
    return { providerMessageId: id };
  };
  return {
    channel: 'email',
    provider: 'dev-outbox',
    send: async (message: OutgoingMessage) => store(await composeEmail(deps, message), message.deliveryId),
    // A digest has no Delivery row; the prefixed run id cannot collide with a delivery's UUID.
    sendDigest: async (digest: DigestMessage) => store(composeDigestEmail(deps, digest), `digest:${digest.digestId}`),
    sendAccountEmail: async (account: AccountEmail) => {
      const email = composeAccountEmail(deps, account);
      return store(email, `account:${email.headers['X-FlashNotify-Account-Email']!}`);
    },
  };
}
