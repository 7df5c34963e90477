import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { isLoopbackHost } from './startupWarnings.js';

/** Where the server listens, and what to tell the operator about it. */
export interface BindDecision {
  /** The address to listen on. */
  host: string;
  /** Logged at `warn` before listening, when set. */
  warning?: string;
}

/** The loopback address a server with open demo accounts falls back to. */
const LOOPBACK = '127.0.0.1';

/**
 * Chooses the listening address once the database is open, from a database fact: whether demo accounts
 * still sign in with the published password (findOpenDemoAccounts). Whoever reaches such a server can sign
 * in as its admin, whatever SEED_DEMO or NODE_ENV say now.
 * - HOST set: used as given; with open demo accounts on a non-loopback address, a warning, and in
 *   production a refusal: production promises no published credentials, and a refusal cannot be missed in
 *   a log. Starting without HOST (loopback only) still lets the operator set the passwords.
 * - HOST unset: loopback while demo accounts are open, else all interfaces. With SEED_DEMO off (or in
 *   production) the operator believes there are none, so a warning says why and how to end it.
 *
 * @throws ConfigError in production, for HOST on a non-loopback address while demo accounts are open
 * @example
 * chooseBindHost({ host: undefined, env: 'development', seedDemo: false }, ['admin@example.com']); // { host: '127.0.0.1', warning: '…' }
 */
export function chooseBindHost(config: Pick<Config, 'host' | 'env' | 'seedDemo'>, openDemoEmails: string[]): BindDecision {
  if (openDemoEmails.length === 0) return { host: config.host ?? '0.0.0.0' };
  const accounts = openDemoEmails.join(', ');
  const fix = 'Give each a password of its own: `npm run user:create -- --email <account> --reissue` prints a one-time link that sets it';
  if (config.host === undefined) {
    // With seeding on, loopback is the documented development default: nothing to warn about.
    if (config.seedDemo) return { host: LOOPBACK };
    return {
      host: LOOPBACK,
      warning: `Demo accounts ${accounts} still have the published password "flashnotify": listening on ${LOOPBACK} only, since HOST is not set. ${fix}; after a restart the server listens on all interfaces.`,
    };
  }
  if (isLoopbackHost(config.host)) return { host: config.host };
  const exposure = `HOST=${config.host} while demo accounts ${accounts} still have the published password "flashnotify": anyone who can reach this server can sign in as them`;
  if (config.env === 'production') {
    throw new ConfigError(`${exposure}. Refusing to start with NODE_ENV=production. Start without HOST (listens on ${LOOPBACK} only), then: ${fix}.`);
  }
  return { host: config.host, warning: `${exposure}. ${fix}.` };
}
