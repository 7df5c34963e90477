import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/** What Express's `trust proxy` setting takes: all/none, a hop count, or named ranges, addresses and subnets. */
export type TrustProxy = boolean | number | string[];

/** proxy-addr's pre-defined ranges: 127.0.0.0/8 + ::1, 169.254.0.0/16 + fe80::/10, 10/8 + 172.16/12 + 192.168/16 + fc00::/7. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `10.0.0.1`, `::1`, `10.0.0.0/8`, `fd00::/8` or `10.0.0.0/255.0.0.0` (the forms Express's proxy-addr reads). */
function isAddressOrSubnet(entry: string): boolean {
  const [address, mask, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(mask) === 4;
}

/**
 * `TRUST_PROXY` → Express's `trust proxy` value. Express reads a string as an address list, so a hop count
 * given as the string "1" would trust the address 0.0.0.1 and nothing else (behind a proxy: no client IP,
 * no `https`, no Secure cookie). Forms: `true` / `false`; a hop count (`1` = the one proxy in front of
 * the server); `loopback`, `linklocal`, `uniquelocal`, addresses and CIDR subnets, comma-separated.
 *
 * @example
 * trustProxySchema.parse('1'); // 1
 * trustProxySchema.parse('loopback, 10.0.0.0/8'); // ['loopback', '10.0.0.0/8']
 */
export const trustProxySchema = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 100) return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !RANGE_NAMES.has(entry) && !isAddressOrSubnet(entry));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `${bad.map((entry) => JSON.stringify(entry)).join(', ')}: expected true, false, a hop count (0–100), or comma-separated loopback / linklocal / uniquelocal / IP addresses / CIDR subnets`,
  });
  return z.NEVER;
});

/** Whether the hop at `address`, `hop` steps from this server (0 = the direct peer), may be believed. */
export type TrustFn = (address: string | undefined, hop: number) => boolean;

/**
 * Compiles a TrustProxy value exactly as Express does for its `trust proxy` setting (same proxy-addr
 * rules), so code that reads forwarded headers outside Express (the Socket.IO handshake) believes the same
 * hops as `req.ip` and `req.protocol` do.
 *
 * @example
 * const trust = compileTrustProxy(config.trustProxy);
 * trust(req.socket.remoteAddress, 0); // is the direct peer a proxy we believe?
 */
export function compileTrustProxy(value: TrustProxy): TrustFn {
  if (value === true) return () => true;
  if (value === false) return () => false;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  const trusted = proxyaddr.compile(value);
  return (address, hop) => address !== undefined && trusted(address, hop);
}
