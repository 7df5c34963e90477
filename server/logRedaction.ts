/**
 * What request logs must not keep: credentials that ride in URLs and headers. Signed link tokens
 * (unsubscribe, email "open"/"preview", the SPA's `/open/<token>`) are bearer credentials for as long as
 * they live (up to 60 days); a CSRF token is half of a session's write credential. Logs are shipped, kept
 * and read by more people than the database is.
 */

const REDACTED = '[redacted]';

/** Routes whose path carries a signed token, matched case-insensitively as Express routes them. */
const TOKEN_ROUTES: RegExp[] = [
  /^(\/api\/unsubscribe\/)[^/?#]+/i,
  /^(\/api\/email-actions\/(?:open|preview|act)\/)[^/?#]+/i,
  /^(\/open\/)[^/?#]+/i,
];

/**
 * Anything shaped like this app's signed tokens (`<base64url payload>.<base64url HMAC>`, see
 * unsubscribeLink.ts, readToken.ts, setPasswordToken.ts) as a path segment or query value, on any route:
 * a token route added later, or a token pasted where it does not belong, stays out of the logs too.
 */
const SIGNED_TOKEN = /(^|[/=])[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{16,}(?=$|[/?&#;])/g;

/** Headers dropped whole from request/response logs. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'proxy-authorization']);

/** Headers that hold a URL (same- or cross-site) which may carry a token. */
const URL_HEADERS = new Set(['referer', 'location', 'content-location']);

/**
 * A request path (with query) with its tokens masked.
 *
 * @example
 * redactUrl('/api/unsubscribe/eyJ4Ijox.c2lnbmF0dXJlLWhlcmU?x=1'); // '/api/unsubscribe/[redacted]?x=1'
 */
export function redactUrl(url: string): string {
  let out = url;
  for (const route of TOKEN_ROUTES) out = out.replace(route, `$1${REDACTED}`);
  return out.replace(SIGNED_TOKEN, `$1${REDACTED}`);
}

/** An absolute or relative URL header value with its path's tokens masked. */
function redactUrlHeader(value: string): string {
  try {
    const url = new URL(value, 'http://relative.invalid');
    const path = redactUrl(`${url.pathname}${url.search}`);
    return url.origin === 'http://relative.invalid' ? path : `${url.origin}${path}`;
  } catch {
    return REDACTED;
  }
}

/** Request or response headers as logged: credentials removed, URLs' tokens masked. */
function redactHeaders(headers: unknown): unknown {
  if (!headers || typeof headers !== 'object') return headers;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    const key = name.toLowerCase();
    if (SECRET_HEADERS.has(key)) out[name] = REDACTED;
    else if (URL_HEADERS.has(key) && typeof value === 'string') out[name] = redactUrlHeader(value);
    else out[name] = value;
  }
  return out;
}

/** The fields pino's standard request serializer produces. */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  params?: Record<string, unknown>;
  headers?: unknown;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * pino-http `serializers.req` (applied after pino's standard one): url, params, query and headers without
 * tokens or credentials.
 *
 * @example
 * pinoHttp({ logger, serializers: { req: redactRequestLog, res: redactResponseLog } });
 */
export function redactRequestLog(req: SerializedRequest): SerializedRequest {
  const params = req.params && 'token' in req.params ? { ...req.params, token: REDACTED } : req.params;
  return {
    id: req.id,
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    // The query is in `url` already (redacted there); a parsed copy would repeat any token.
    params,
    headers: redactHeaders(req.headers),
    remoteAddress: req.remoteAddress,
    remotePort: req.remotePort,
  };
}

/** pino-http `serializers.res`: the status, and headers without cookies or tokens in `Location`. */
export function redactResponseLog(res: { statusCode?: number | null; headers?: unknown }): { statusCode?: number | null; headers: unknown } {
  return { statusCode: res.statusCode, headers: redactHeaders(res.headers) };
}
