import ipaddr from 'ipaddr.js';
import type { Config } from '../../config.js';
import { HttpError } from '../../errors.js';
import { isLoopbackHost } from '../../startupWarnings.js';
import { DEMO_PASSWORD } from './seedDemoData.js';

/**
 * Whether the published demo password may be used by a client at `clientAddress` (Express's `req.ip`,
 * i.e. behind a trusted proxy the address the proxy reports). Binding to loopback while demo accounts
 * keep that password (chooseBindHost) protects nothing once a proxy on the same machine forwards remote
 * clients, so the rule is about the client, not the socket: only a client on this machine may use it,
 * unless the operator deliberately set HOST to a reachable address outside production (a developer
 * opening the app from a phone on the LAN; warned at start, and refused in production at start).
 *
 * @example
 * publishedPasswordAllowed({ host: undefined, env: 'production' }, '203.0.113.9'); // false
 */
export function publishedPasswordAllowed(config: Pick<Config, 'host' | 'env'>, clientAddress: string | undefined): boolean {
  if (config.host !== undefined && !isLoopbackHost(config.host) && config.env !== 'production') return true;
  if (!clientAddress || !ipaddr.isValid(clientAddress)) return false;
  return ipaddr.process(clientAddress).range() === 'loopback';
}

/**
 * Refuses a sign-in with the published demo password from a client that may not use it
 * (publishedPasswordAllowed), before any password is verified: no argon2 work, and the same answer
 * whether or not the account exists or still has that password. Real passwords are at least 12
 * characters (set-password), so no account of a person is affected.
 *
 * @throws HttpError 403 `published_password_refused`
 */
export function refusePublishedPasswordFrom(config: Pick<Config, 'host' | 'env'>, password: string, clientAddress: string | undefined): void {
  if (password !== DEMO_PASSWORD || publishedPasswordAllowed(config, clientAddress)) return;
  throw publishedPasswordRefused();
}

const publishedPasswordRefused = (): HttpError =>
  new HttpError(
    403,
    'published_password_refused',
    'The published demo password signs in only from the server’s own machine. Give the account a password of its own: npm run user:create -- --email <account> --reissue',
    [{ path: 'password', message: 'is the published demo password' }],
  );
