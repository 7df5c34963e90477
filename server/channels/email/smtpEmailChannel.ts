import nodemailer from 'nodemailer';
import type { ChannelDeps } from '../createChannels.js';
import { PermanentDeliveryError } from '../types.js';
import { composeAccountEmail } from './composeAccountEmail.js';
import { composeDigestEmail } from './composeDigestEmail.js';
import { composeEmail, type ComposedEmail } from './composeEmail.js';
import type { EmailChannel } from './createEmailChannel.js';
import { isPermanentSmtpError } from './smtpErrors.js';
import type { SmtpRelay } from './smtpRelays.js';

/**
 * Sends through one relay with a pooled nodemailer SMTP transport; the provider is named after the relay
 * (`smtp:<host>:<port>`). The URL's query parameters (`?ignoreTLS=true`, `?maxConnections=2`) override the
 * defaults here.
 *
 * @example
 * const email = createSmtpEmailChannel(ctx, parseSmtpRelays('smtp://127.0.0.1:2525')[0]);
 */
export function createSmtpEmailChannel(deps: ChannelDeps, relay: SmtpRelay): EmailChannel {
  const transport = nodemailer.createTransport({
    url: relay.url,
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
    provider: relay.name,
    send: async (message) => deliver(await composeEmail(deps, message)),
    sendDigest: async (digest) => deliver(composeDigestEmail(deps, digest)),
    sendAccountEmail: async (account) => deliver(composeAccountEmail(deps, account)),
    close: async () => transport.close(),
  };
}
