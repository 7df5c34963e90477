import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Config } from './config.js';
import { judgeRequestOrigin, originOf, type OriginVerdict } from './origins.js';
import type { TrustFn } from './trustProxy.js';

/** The first value of a comma-separated header a proxy may have appended to. */
const firstValue = (header: string | string[] | undefined) => (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;

/** Some proxies (http-proxy among them) say `ws`/`wss` for a WebSocket upgrade; the page's scheme is http(s). */
const PAGE_SCHEME: Record<string, string> = { http: 'http', https: 'https', ws: 'http', wss: 'https' };

/**
 * The origin a request was sent to, as its browser saw it: PUBLIC_URL's origin when set (behind a proxy
 * that rewrites Host, nothing else is reliable); otherwise scheme + `Host`, where a trusted proxy's
 * `X-Forwarded-Proto` / `X-Forwarded-Host` count (the same rule as Express's `req.protocol` and `req.host`).
 *
 * @example
 * ownOriginOf(req, config, compileTrustProxy(config.trustProxy)); // 'https://notify.example.com'
 */
export function ownOriginOf(req: IncomingMessage, config: Pick<Config, 'publicUrl'>, trust: TrustFn): string | undefined {
  if (config.publicUrl) return originOf(config.publicUrl);
  const fromProxy = trust(req.socket.remoteAddress, 0);
  const ownScheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const scheme = (fromProxy && firstValue(req.headers['x-forwarded-proto'])?.toLowerCase()) || ownScheme;
  const host = (fromProxy && firstValue(req.headers['x-forwarded-host'])) || req.headers.host;
  if (!host || !PAGE_SCHEME[scheme]) return undefined;
  return originOf(`${PAGE_SCHEME[scheme]}://${host}`);
}

/**
 * judgeRequestOrigin for one request: its own origin (ownOriginOf) and ALLOWED_ORIGINS. Used by the
 * cookie-authenticated API and by the Socket.IO handshake.
 *
 * @example
 * if (!judgeRequest(req, config, trust).allowed) refuse();
 */
export function judgeRequest(req: IncomingMessage, config: Pick<Config, 'publicUrl' | 'allowedOrigins'>, trust: TrustFn): OriginVerdict {
  const { origin, referer } = req.headers;
  const site = req.headers['sec-fetch-site'];
  return judgeRequestOrigin(
    { origin, referer, 'sec-fetch-site': Array.isArray(site) ? site[0] : site },
    { ownOrigin: ownOriginOf(req, config, trust), allowedOrigins: config.allowedOrigins },
  );
}
