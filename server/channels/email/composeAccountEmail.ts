import { randomUUID } from 'node:crypto';
import type { ChannelDeps } from '../createChannels.js';
import type { ComposedEmail } from './composeEmail.js';
import { renderAccountBodies } from './emailTemplates.js';

/** An email about a person's account (invitation, password reset), not about a notification. */
export interface AccountEmail {
  /** The language the texts below are in (a translator's `locale`): `<html lang>` and the template's words. */
  locale: string;
  to: { name: string; address: string };
  subject: string;
  /** Plain-text paragraphs before the button. */
  paragraphs: string[];
  buttonLabel: string;
  /** The link the button opens (a set-password or invitation link). */
  url: string;
  /** When the link stops working, said in words ("This link works once, until …", see LINK_EXPIRY_FORMAT). */
  expiry: string;
  /** Why the person received this email and what to do if it was not for them. */
  footer: string;
}

const APP_NAME = 'FlashNotify';

/** How an account email dates its link's end: the day and the time with its zone (the recipient's, else UTC). */
export const LINK_EXPIRY_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
};

/**
 * Renders an account email (account.html.hbs / account.txt.hbs) with a fresh Message-ID: unlike a
 * notification, an account email has no delivery row to key retries on, and each one carries a new link.
 *
 * @example
 * const email = composeAccountEmail(ctx, { locale: 'en', to, subject: 'Reset your password', paragraphs, buttonLabel, url, expiry, footer });
 */
export function composeAccountEmail(deps: Pick<ChannelDeps, 'publicUrl'>, email: AccountEmail): ComposedEmail {
  const { html, text } = renderAccountBodies({ appName: APP_NAME, lang: email.locale, title: email.subject, ...email });
  const id = randomUUID();
  return {
    to: email.to,
    subject: email.subject,
    text,
    html,
    messageId: `<account-${id}@${new URL(deps.publicUrl).hostname}>`,
    headers: { 'X-FlashNotify-Account-Email': id },
  };
}
