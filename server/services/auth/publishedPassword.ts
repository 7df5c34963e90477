import ipaddr from 'ipaddr.js';
import type { Config } from '../../config.js';
import { HttpError } from '../../errors.js';
import { isLoopbackHost } from '../../startupWarnings.js';
import { DEMO_PASSWORD } from './seedDemoData.js';

/** What a request says about where it comes from: the connection's address and its proxy headers. */
export interface RequestOrigin {
  /** The TCP peer (`req.socket.remoteAddress`). */
  socketAddress: string | undefined;
  /** Request headers (lower-case names), as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
}

/** Proxy headers that name a client without Express using them (RFC 7239 `Forwarded`; nginx's `X-Real-IP`; `Via`, RFC 9110 §7.6.3). */
const OPAQUE_PROXY_HEADERS = ['forwarded', 'x-real-ip', 'via'] as const;

/**
 * Whether the published demo password may be used by this request. Binding to loopback while demo accounts
 * keep that password (chooseBindHost) protects nothing once a proxy on the same machine forwards remote
 * clients, so the rule is about the client: every address the request names — the connection's and each
 * `X-Forwarded-For` hop, trusted by TRUST_PROXY or not (a client behind `TRUST_PROXY=true` picks the
 * leftmost one itself) — must be loopback, and it must carry no proxy header that names a client in a
 * form Express does not read (`Forwarded`, `X-Real-IP`, `Via`). A proxy that adds no header at all is
 * indistinguishable from a local client; the README says a proxy must send `X-Forwarded-For`. The one
 * exception: HOST deliberately set to a reachable address outside production (a developer opening the app
 * from another device; warned at start, and refused in production at start).
 *
 * @example
 * publishedPasswordAllowed({ host: undefined, env: 'production' }, { socketAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } }); // false
 */
export function publishedPasswordAllowed(config: Pick<Config, 'host' | 'env'>, origin: RequestOrigin): boolean {
  if (config.host !== undefined && !isLoopbackHost(config.host) && config.env !== 'production') return true;
  if (OPAQUE_PROXY_HEADERS.some((name) => origin.headers[name] !== undefined)) return false;
  const forwarded = [origin.headers['x-forwarded-for'] ?? []].flat().flatMap((value) => value.split(','));
  return [origin.socketAddress, ...forwarded].every((address) => isLoopbackAddress(address?.trim()));
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}

/**
 * Refuses a sign-in with the published demo password from a client that may not use it
 * (publishedPasswordAllowed), before any password is verified: no argon2 work, and the same answer
 * whether or not the account exists or still has that password. Real passwords are at least 12
 * characters (set-password), so no account of a person is affected.
 *
 * @throws HttpError 403 `published_password_refused`
 */
export function refusePublishedPasswordFrom(config: Pick<Config, 'host' | 'env'>, password: string, origin: RequestOrigin): void {
  if (password !== DEMO_PASSWORD || publishedPasswordAllowed(config, origin)) return;
  throw publishedPasswordRefused();
}

const publishedPasswordRefused = (): HttpError =>
  new HttpError(
    403,
    'published_password_refused',
    'The published demo password signs in only from the server’s own machine. Give the account a password of its own: npm run user:create -- --email <account> --reissue',
    [{ path: 'password', message: 'is the published demo password' }],
  );
