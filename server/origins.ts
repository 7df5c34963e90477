import { z } from 'zod';

/**
 * The web origin of an absolute http(s) URL (`https://app.example.com`, default port dropped, host
 * lower-cased), or undefined for anything else (`null`, relative URLs, other schemes).
 *
 * @example
 * originOf('https://App.example.com:443/inbox?x=1'); // 'https://app.example.com'
 */
export function originOf(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}

/**
 * `ALLOWED_ORIGINS`: comma-separated origins (scheme, host and port only, as browsers send them in
 * `Origin`) that may use the app's cookie-authenticated API and socket besides the app itself. Paths,
 * wildcards and `null` are rejected: each entry must name exactly one origin.
 *
 * @example
 * allowedOriginsSchema.parse('https://intranet.example.com, http://localhost:5173'); // both, normalized
 */
export const allowedOriginsSchema = z.string().transform((value, ctx): string[] => {
  const origins: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const origin = originOf(entry);
    const url = origin ? new URL(entry) : undefined;
    if (!origin || !url || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} is not an origin: expected scheme://host[:port], e.g. https://app.example.com` });
      continue;
    }
    origins.push(origin);
  }
  return [...new Set(origins)];
});

/** Who may act with a user's cookie: the app's own origin and the ALLOWED_ORIGINS list. */
export interface OriginPolicy {
  /** PUBLIC_URL's origin when set; otherwise the origin the request itself was sent to. */
  ownOrigin: string | undefined;
  allowedOrigins: readonly string[];
}

/**
 * Whether a browser origin may act with the user's cookie: the app's own origin or one listed in
 * ALLOWED_ORIGINS, compared after normalization (case, default port). `null` (sandboxed frames, some
 * redirects) never is. The one rule for every check that needs it (mutations, the socket handshake, CORS).
 *
 * @example
 * isAllowedOrigin('https://app.example.com', { ownOrigin: 'https://app.example.com', allowedOrigins: [] }); // true
 */
export function isAllowedOrigin(origin: string, policy: OriginPolicy): boolean {
  const normalized = originOf(origin);
  if (!normalized) return false;
  return normalized === policy.ownOrigin || policy.allowedOrigins.includes(normalized);
}

/** The request headers a browser uses to say where a request comes from (Fetch standard). */
export interface OriginHeaders {
  origin?: string | undefined;
  referer?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}

/** Whether a request may act with the user's cookie; when not, what it claimed to come from. */
export type OriginVerdict = { allowed: true } | { allowed: false; header: 'Origin' | 'Referer' | 'Sec-Fetch-Site'; claimed: string };

/**
 * Judges where a cookie-carrying request comes from, for state changes and the socket handshake:
 * 1. `Origin` (browsers send it on every cross-origin request, every non-GET request and every WebSocket)
 *    must pass isAllowedOrigin;
 * 2. without it, the origin of `Referer` must (some older browsers and privacy modes omit `Origin`);
 * 3. without either, `Sec-Fetch-Site` must say `same-origin` or `none` (user-initiated): a same-site or
 *    cross-site page's request without `Origin` (a `<script>` or `<img>` GET) is refused;
 * 4. with none of the three, the client is not a browser (curl, a script) and cannot be carrying a victim's
 *    cookie by accident: allowed. Such a mutation still needs the session's CSRF token.
 *
 * @example
 * judgeRequestOrigin({ origin: 'http://evil.localhost:1234' }, policy); // { allowed: false, header: 'Origin', … }
 */
export function judgeRequestOrigin(headers: OriginHeaders, policy: OriginPolicy): OriginVerdict {
  if (headers.origin !== undefined) {
    return isAllowedOrigin(headers.origin, policy) ? { allowed: true } : { allowed: false, header: 'Origin', claimed: headers.origin };
  }
  if (headers.referer !== undefined) {
    const origin = originOf(headers.referer) ?? 'null';
    return isAllowedOrigin(origin, policy) ? { allowed: true } : { allowed: false, header: 'Referer', claimed: origin };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { allowed: false, header: 'Sec-Fetch-Site', claimed: site };
  return { allowed: true };
}
