import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, type AgentOptions, type RequestOptions } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { addressVerdict, OUTBOUND_PORT, portVerdict, type OutboundPolicy } from './outboundPolicy.js';

/**
 * The server refused to connect: the host is, or resolved to, an address the outbound policy forbids.
 * Retrying cannot help while DNS says the same, so channels treat it as a permanent failure.
 */
export class OutboundBlockedError extends Error {
  override readonly name = 'OutboundBlockedError';
  readonly code = 'ERR_OUTBOUND_BLOCKED';
}

/**
 * A `lookup` for `net.connect`/`tls.connect` that resolves like `dns.lookup` (the system resolver,
 * /etc/hosts included) and fails with OutboundBlockedError when ANY address of the name is refused by
 * the policy, so the socket never connects there. Checking the addresses the socket will actually use
 * (rather than a separate lookup before the request) leaves no window for DNS rebinding. Honors
 * `options.all`, which Node's happy-eyeballs connect (`autoSelectFamily`, on by default in Node 20) asks for.
 *
 * @example
 * tls.connect({ host: 'push.example.net', port: 443, lookup: guardedLookup(policy) });
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const hints: LookupOptions = { ...options, all: true };
    dnsLookup(hostname, hints, (err, resolved) => {
      if (err) return callback(err, '', 0);
      const addresses = resolved as unknown as LookupAddress[];
      for (const { address } of addresses) {
        const verdict = addressVerdict(address, policy);
        if (!verdict.ok) return callback(new OutboundBlockedError(`Refused to connect: ${hostname} resolves to ${address}, ${verdict.what}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The `https.Agent` every outbound call the product makes for a user or an admin goes through
 * (web-push takes it as `agent`; an issue-13 webhook sender passes it to `https.request`). It refuses
 * before any packet is sent: a port other than 443 of an unlisted host (portVerdict) and an IP literal
 * (which `net.connect` never looks up) in `createConnection`, a host name through `guardedLookup`. Redirects are not followed by the callers, and would pass
 * through here again anyway. `options` are ordinary agent options (tests add their self-signed `ca`);
 * a `lookup` in them is replaced.
 *
 * @example
 * const agent = createOutboundAgent(ctx.config.outbound, { keepAlive: true });
 * await webpush.sendNotification(subscription, payload, { agent });
 */
export function createOutboundAgent(policy: OutboundPolicy, options: AgentOptions = {}): Agent {
  return new OutboundAgent(policy, options);
}

class OutboundAgent extends Agent {
  constructor(
    private readonly policy: OutboundPolicy,
    options: AgentOptions,
  ) {
    super({ ...options, lookup: guardedLookup(policy) });
  }

  // Node's Agent calls createConnection(options, oncreate); https.Agent's own ignores the callback and
  // returns the socket. Handing the error to oncreate fails the request with it, and no socket is made.
  override createConnection(options: RequestOptions, oncreate?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = (options.host ?? options.hostname ?? '').replace(/^\[(.*)\]$/, '$1');
    // An IP literal's address first (never looked up); then the port rule again (checkOutboundUrl has it
    // on input), for whatever URL reaches the agent. A name's addresses are judged by guardedLookup next.
    const address = isIP(host) ? addressVerdict(host, this.policy) : ({ ok: true } as const);
    const verdict = address.ok ? portVerdict(host, options.port ? Number(options.port) : OUTBOUND_PORT, this.policy) : address;
    if (!verdict.ok) {
      const error = new OutboundBlockedError(`Refused to connect: ${verdict.reason}`);
      if (!oncreate) throw error;
      oncreate(error, undefined as never);
      return undefined;
    }
    return super.createConnection(options, oncreate);
  }
}
