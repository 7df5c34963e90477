import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which hosts and addresses the server may connect to when it calls a URL a user or an admin gave it
 * (Web Push endpoints today; Slack/Teams/webhook URLs later). Default: public addresses and public host
 * names only. `OUTBOUND_ALLOWED_HOSTS` widens it for tests and development (a push peer on 127.0.0.1) or
 * an internal relay the operator trusts.
 *
 * Names and addresses are judged separately: a listed *name* passes the URL check, and each address it
 * resolves to must still be public or listed itself. That is what makes a listed name safe against DNS
 * rebinding (the check that matters is on the address actually connected to).
 */
export interface OutboundPolicy {
  /** Host names (lower-case, no trailing dot) allowed although they are not public names (`localhost`). */
  allowedNames: ReadonlySet<string>;
  /** Addresses and networks allowed although they are not public (`127.0.0.1`, `10.0.0.0/8`, `::1`). */
  allowedNetworks: readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];
}

/** The default: nothing private, no special names. */
export const STRICT_OUTBOUND_POLICY: OutboundPolicy = { allowedNames: new Set(), allowedNetworks: [] };

/**
 * A refusal, worded for an error's `details[].message` and a delivery's `lastError`: `reason` is a
 * sentence ("127.0.0.1 is a loopback address"), `what` its predicate alone ("a loopback address").
 */
export type Verdict = { ok: true } | { ok: false; reason: string; what: string };

/**
 * Parses `OUTBOUND_ALLOWED_HOSTS`: comma-separated IP addresses (`127.0.0.1`, `::1`), networks in CIDR
 * notation (`10.0.0.0/8`) and host names (`localhost`, `push.internal`). Throws on an entry that is none
 * of these, naming it.
 *
 * @example
 * parseOutboundAllowlist('127.0.0.1, localhost') // { allowedNames: Set{'localhost'}, allowedNetworks: [[127.0.0.1, 32]] }
 */
export function parseOutboundAllowlist(list: string | undefined): OutboundPolicy {
  const allowedNames = new Set<string>();
  const allowedNetworks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (list ?? '').split(',')) {
    const entry = raw.trim().replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    if (isIP(entry)) {
      const address = unmapped(ipaddr.parse(entry));
      allowedNetworks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      allowedNetworks.push(ipaddr.parseCIDR(entry));
    } else if (/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      allowedNames.add(normalizeName(entry));
    } else {
      throw new Error(`"${entry}" is not an IP address, a CIDR network or a host name`);
    }
  }
  return { allowedNames, allowedNetworks };
}

// 2000::/3 is the only IPv6 block IANA hands out as global unicast; the rest is special or unassigned.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether the server may connect to `address` (an IPv4 or IPv6 literal, brackets allowed). Allowed:
 * what IANA's special-purpose registries leave as public unicast (classified by ipaddr.js: not private,
 * loopback, link-local, unique-local, CGNAT, multicast, broadcast, unspecified, documentation, benchmarking
 * or reserved), and what the policy lists. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as
 * the IPv4 address it is.
 *
 * @example
 * addressVerdict('169.254.169.254', STRICT_OUTBOUND_POLICY) // { ok: false, reason: '169.254.169.254 is a link-local address' }
 */
export function addressVerdict(address: string, policy: OutboundPolicy): Verdict {
  const literal = address.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(literal)) return refuse(address, 'not an IP address');
  const ip = unmapped(ipaddr.parse(literal));
  if (policy.allowedNetworks.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))) return { ok: true };
  const range = ip.range();
  if (range !== 'unicast') return refuse(address, describeRange(range));
  if (ip.kind() === 'ipv6' && !ip.match(GLOBAL_UNICAST_V6)) return refuse(address, 'not a global unicast address');
  return { ok: true };
}

// Top-level names that never belong to the public DNS: RFC 6761 (localhost), RFC 6762 (local, mDNS),
// RFC 8375 (home.arpa), ICANN's private-use `internal` (2024), and the names ICANN never delegated
// because private networks use them (home, corp, lan…). A name under one of them points inside a network.
const PRIVATE_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'private', 'lan', 'home', 'corp', 'home.arpa'];

/**
 * Whether `hostname` (a name, not an address) may be used in an outbound URL: a public DNS name with
 * at least one dot, not `localhost` or a name under a private-use suffix, unless the policy lists it.
 *
 * @example
 * hostNameVerdict('foo.localhost', STRICT_OUTBOUND_POLICY) // { ok: false, reason: 'foo.localhost is a local name, not a public host' }
 */
export function hostNameVerdict(hostname: string, policy: OutboundPolicy): Verdict {
  const name = normalizeName(hostname);
  if (policy.allowedNames.has(name)) return { ok: true };
  if (PRIVATE_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) {
    return refuse(hostname, 'a local name, not a public host');
  }
  // A single label (`intranet`, `metadata`) is completed from the resolver's search list: an inside name.
  if (!name.includes('.')) return refuse(hostname, 'not a fully qualified public host name');
  return { ok: true };
}

/** The one port outbound URLs may name, unless their host is listed in `OUTBOUND_ALLOWED_HOSTS`. */
export const OUTBOUND_PORT = 443;

/**
 * Whether the server may connect to `port` on `host` (a name or an IP literal, brackets allowed): 443,
 * the port of HTTPS and of every Web Push service (FCM, Mozilla, Apple, Microsoft), or any port of a host
 * the policy lists itself (a listed name, or an address in a listed network: test peers and internal
 * relays run elsewhere). Other ports of public hosts would let a subscription make the server knock on
 * SSH, SMTP or database ports of any machine on the internet.
 *
 * @example
 * portVerdict('fcm.googleapis.com', 22, STRICT_OUTBOUND_POLICY) // { ok: false, reason: 'port 22 is not 443 …', … }
 */
export function portVerdict(host: string, port: number, policy: OutboundPolicy): Verdict {
  if (port === OUTBOUND_PORT || isListedHost(host, policy)) return { ok: true };
  return refuse(`port ${port}`, `not ${OUTBOUND_PORT} (other ports only for hosts listed in OUTBOUND_ALLOWED_HOSTS)`);
}

function isListedHost(host: string, policy: OutboundPolicy): boolean {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(literal)) return policy.allowedNames.has(normalizeName(literal));
  const ip = unmapped(ipaddr.parse(literal));
  return policy.allowedNetworks.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
}

function refuse(subject: string, what: string): Verdict {
  return { ok: false, reason: `${subject} is ${what}`, what };
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function unmapped(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
};

function describeRange(range: string): string {
  return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}
