import { isIP } from 'node:net';
import type { Config } from './config.js';

/** `localhost`, 127.0.0.0/8 or ::1: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Settings that start fine but are probably not what the operator meant; the entry point logs each at
 * `warn` once the server listens. (Demo accounts on a reachable address are a database fact: chooseBindHost.)
 *
 * @example
 * for (const warning of startupWarnings(config)) log.warn(warning);
 */
export function startupWarnings(config: Pick<Config, 'trustProxy' | 'publicUrl'>): string[] {
  const warnings: string[] = [];
  // Demo accounts on a reachable address: decided and warned about with the database open (bindHost.ts).
  if (config.trustProxy !== false && config.trustProxy !== 0 && !config.publicUrl) {
    warnings.push(
      "TRUST_PROXY is set but PUBLIC_URL is not: links in emails, SMS and push point at this server's own address, and the app's origin is taken from each request's Host. Set PUBLIC_URL to the address people use.",
    );
  }
  return warnings;
}
