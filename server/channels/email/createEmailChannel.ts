import nodemailer from 'nodemailer';
import { storeInOutbox } from '../../services/deliveries/storeInOutbox.js';
import type { ChannelDeps } from '../createChannels.js';
import { PermanentDeliveryError, type DeliveryChannel, type DigestCapable, type DigestMessage, type OutgoingMessage } from '../types.js';
import { composeDigestEmail } from './composeDigestEmail.js';
import { composeEmail, type ComposedEmail } from './composeEmail.js';
import { loadEmailTemplates } from './emailTemplates.js';
import { isPermanentSmtpError } from './smtpErrors.js';

/** The email channel type: a delivery channel that also sends digests. */
export type EmailChannel = DeliveryChannel & DigestCapable;

/** The email channel: SMTP when `SMTP_URL` is set, otherwise the dev outbox. */
export async function createEmailChannel(deps: ChannelDeps): Promise<EmailChannel> {
  loadEmailTemplates();
  const smtpUrl = deps.config.email.smtpUrl;
  return smtpUrl ? createSmtpEmailChannel(deps, smtpUrl) : createDevOutboxEmailChannel(deps);
}

/**
 * Sends through a pooled nodemailer SMTP transport. SMTP_URL query parameters (`?ignoreTLS=true`,
 * `?maxConnections=2`) override the defaults here.
 *
 * @example
 * const email = createSmtpEmailChannel(ctx, 'smtp://127.0.0.1:2525');
 */
export function createSmtpEmailChannel(deps: ChannelDeps, smtpUrl: string): EmailChannel {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    // More connections than concurrent sends would only sit idle.
    maxConnections: Math.min(deps.config.delivery.concurrency, 5),
    // A server that does not answer must fail the attempt well before the delivery lease runs out.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Messages are built from notification text only; never let a field pull in a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const deliver = async (email: ComposedEmail) => {
    try {
      const info = await transport.sendMail({
        from: deps.config.email.from,
        replyTo: deps.config.email.replyTo,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
      });
      return { providerMessageId: info.messageId };
    } catch (err) {
      if (isPermanentSmtpError(err)) throw new PermanentDeliveryError((err as Error).message, { cause: err });
      throw err;
    }
  };
  return {
    channel: 'email',
    provider: 'smtp',
    send: async (message) => deliver(await composeEmail(deps, message)),
    sendDigest: async (digest) => deliver(composeDigestEmail(deps, digest)),
    close: async () => transport.close(),
  };
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
  };
}
