/**
 * The action link as an absolute http(s) URL: relative links are resolved against the public URL, and
 * anything else (`javascript:`, `mailto:`, garbage) is dropped, since an email or SMS cannot be fixed later.
 *
 * @example
 * absoluteActionUrl('/billing/invoices/7', 'https://notify.example.com') // 'https://notify.example.com/billing/invoices/7'
 */
export function absoluteActionUrl(actionUrl: string | null, publicUrl: string): string | null {
  if (!actionUrl) return null;
  try {
    const url = new URL(actionUrl, `${publicUrl}/`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the "Open your inbox" links point: the web app's root. */
export function inboxUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/`;
}

/** The notification settings page (sign-in required), where every category and channel is managed. */
export function preferencesUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/settings/preferences`;
}
