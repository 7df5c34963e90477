import { checkActionUrl } from '../../shared/urls.js';

/**
 * The action link as an absolute http(s) URL for an email, SMS or push message: checked with the one
 * action-URL rule (`shared/urls.ts`) first, so a value stored before that rule was tightened
 * (`/\t/evil.example`) is dropped rather than resolved to another site; a relative path is then resolved
 * against the public URL. Null when there is no link or it is refused: a sent message cannot be fixed
 * later, so the callers fall back to the inbox.
 *
 * @example
 * absoluteActionUrl('/billing/invoices/7', 'https://notify.example.com') // 'https://notify.example.com/billing/invoices/7'
 * absoluteActionUrl('/\t/evil.example/x', 'https://notify.example.com') // null
 */
export function absoluteActionUrl(actionUrl: string | null, publicUrl: string): string | null {
  if (!actionUrl) return null;
  const verdict = checkActionUrl(actionUrl);
  if (!verdict.ok) return null;
  if (verdict.target.kind === 'absolute') return new URL(verdict.target.href).href;
  return new URL(verdict.target.path, `${publicUrl.replace(/\/$/, '')}/`).href;
}

/** Where the "Open your inbox" links point: the web app's root. */
export function inboxUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/`;
}

/** The notification settings page (sign-in required), where every category and channel is managed. */
export function preferencesUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/settings/preferences`;
}
