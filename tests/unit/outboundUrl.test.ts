import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl } from '../../server/outbound/checkOutboundUrl.js';
import { createOutboundAgent } from '../../server/outbound/outboundAgent.js';
import { addressVerdict, parseOutboundAllowlist, STRICT_OUTBOUND_POLICY } from '../../server/outbound/outboundPolicy.js';

const strict = STRICT_OUTBOUND_POLICY;

describe('checkOutboundUrl (what a user or admin may make the server call)', () => {
  it.each([
    ['https://127.0.0.1/internal', 'loopback'],
    ['https://127.255.255.254:8443/x', 'loopback'],
    ['https://10.1.2.3/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://172.31.255.255/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://192.0.2.10/', 'reserved'], // TEST-NET-1
    ['https://240.0.0.1/', 'reserved'],
    ['https://198.18.0.1/', 'reserved'], // benchmarking
    ['https://[::1]/', 'loopback'],
    ['https://[::]/', 'unspecified'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://[fc00::1]/', 'unique-local'],
    ['https://[fd12:3456:789a::1]/', 'unique-local'],
    ['https://[ff02::1]/', 'multicast'],
    ['https://[2001:db8::1]/', 'reserved'], // documentation
    ['https://[::ffff:127.0.0.1]/', 'loopback'], // IPv4-mapped
    ['https://[::ffff:10.0.0.1]/', 'private'],
    ['https://[::ffff:a9fe:a9fe]/', 'link-local'], // mapped 169.254.169.254, hex form
    ['https://[64:ff9b::7f00:1]/', 'special-purpose'], // NAT64 of 127.0.0.1
    ['https://[::7f00:1]/', 'not a global unicast'], // IPv4-compatible (deprecated)
    ['https://2130706433/', 'loopback'], // decimal 127.0.0.1, normalized by the WHATWG parser
    ['https://0x7f000001/', 'loopback'], // hex
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://0177.0.0.1/', 'loopback'], // octal
    ['https://127.1/', 'loopback'], // short form
    ['https://127.0.0.1./', 'loopback'], // trailing dot
    ['https://0xa9.0xfe.0xa9.0xfe/', 'link-local'],
    ['https://localhost/', 'local name'],
    ['https://LOCALHOST./', 'local name'],
    ['https://push.localhost/', 'local name'],
    ['https://printer.local/', 'local name'],
    ['https://db.internal/', 'local name'],
    ['https://router.home.arpa/', 'local name'],
    ['https://metadata/', 'fully qualified'],
    ['http://push.example.com/x', 'https URL'],
    ['ftp://push.example.com/x', 'https URL'],
    ['not-a-url', 'https URL'],
    ['https://user:pass@push.example.com/x', 'user name or password'],
    ['https://push.example.com/\tx', 'control characters'],
    ['https://push.example.com\\@127.0.0.1/', 'backslash'],
    [`https://push.example.com/${'x'.repeat(2100)}`, 'at most 2048'],
    // Port 443 only, unless the host is listed (review finding 4: `:22` was accepted).
    ['https://fcm.googleapis.com:22/x', 'Must use port 443: port 22 is not 443'],
    ['https://push.example.com:8443/send/abc', 'port 8443'],
    ['https://8.8.8.8:25/', 'port 25'],
    ['https://[2606:4700:4700::1111]:5432/', 'port 5432'],
  ])('refuses %s (%s)', (url, reason) => {
    const verdict = checkOutboundUrl(url, strict);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:APA91b',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
    'https://web.push.apple.com/QGx',
    'https://wns2-par02p.notify.windows.com/w/?token=x',
    'https://push.example.com:443/send/abc', // the default port, written out
    'https://8.8.8.8/',
    'https://[2606:4700:4700::1111]/',
    'https://[::ffff:8.8.8.8]/',
  ])('accepts %s', (url) => {
    expect(checkOutboundUrl(url, strict).ok).toBe(true);
  });
});

describe('OUTBOUND_ALLOWED_HOSTS', () => {
  it('lists addresses, networks and names; each widens only its own check', () => {
    const policy = parseOutboundAllowlist(' 127.0.0.1, 10.0.0.0/8 ,[::1], push.internal, localhost ');
    expect(checkOutboundUrl('https://127.0.0.1:9443/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://[::ffff:127.0.0.1]/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://10.20.30.40/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://[::1]/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://push.internal/x', policy).ok).toBe(true);
    // A listed host may use any port (test peers, internal relays); a listed address covers only itself.
    expect(checkOutboundUrl('https://10.20.30.40:8443/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://push.internal:8443/x', policy).ok).toBe(true);
    expect(checkOutboundUrl('https://fcm.googleapis.com:8443/x', policy).ok).toBe(false);
    expect(checkOutboundUrl('https://127.0.0.2/x', policy).ok).toBe(false);
    expect(checkOutboundUrl('https://other.internal/x', policy).ok).toBe(false);
    expect(checkOutboundUrl('https://192.168.0.1/x', policy).ok).toBe(false);
    // A listed name passes the URL check; the address it resolves to is judged on its own.
    expect(addressVerdict('192.168.0.1', parseOutboundAllowlist('localhost')).ok).toBe(false);
  });

  it('is empty (strict) when unset, and names a bad entry', () => {
    expect(parseOutboundAllowlist(undefined)).toEqual({ allowedNames: new Set(), allowedNetworks: [] });
    expect(() => parseOutboundAllowlist('127.0.0.1, http://x/')).toThrow('"http://x/" is not an IP address');
  });
});

describe('createOutboundAgent refuses at connect time, before any packet reaches the peer', () => {
  let peer: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    peer = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    port = (peer.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => peer.close(() => resolve())));

  /** The error (or status) of a GET through the agent. */
  function get(url: string, agent = createOutboundAgent(strict)): Promise<string> {
    return new Promise((resolve) => {
      const req = request(url, { agent }, (res) => resolve(`HTTP ${res.statusCode}`));
      req.on('error', (err: Error & { code?: string }) => resolve(`${err.code}: ${err.message}`));
      req.end();
    });
  }

  it.each([
    // Real resolution through the system resolver (/etc/hosts): what a rebinding name does at send time.
    // The name is listed (as OUTBOUND_ALLOWED_HOSTS=localhost would), so its port is allowed and only the
    // address it resolves to is judged.
    ['localhost', 'ERR_OUTBOUND_BLOCKED: Refused to connect: localhost resolves to 127.0.0.1, a loopback address'],
    ['127.0.0.1', 'ERR_OUTBOUND_BLOCKED: Refused to connect: 127.0.0.1 is a loopback address'],
    ['[::ffff:127.0.0.1]', 'ERR_OUTBOUND_BLOCKED: Refused to connect: ::ffff:7f00:1 is a loopback address'],
  ])('%s', async (host, expected) => {
    const before = connections;
    expect(await get(`https://${host}:${port}/internal`, createOutboundAgent(parseOutboundAllowlist('localhost')))).toBe(expected);
    expect(connections).toBe(before);
  });

  it('a port other than 443 needs its host listed: an unlisted name is refused although its address is listed', async () => {
    const before = connections;
    const addressOnly = createOutboundAgent(parseOutboundAllowlist('127.0.0.1'));
    expect(await get(`https://localhost:${port}/`, addressOnly)).toBe(
      `ERR_OUTBOUND_BLOCKED: Refused to connect: port ${port} is not 443 (other ports only for hosts listed in OUTBOUND_ALLOWED_HOSTS)`,
    );
    expect(connections).toBe(before);
    // The listed address itself may use any port: the connection is made (the peer hangs up at once).
    expect(await get(`https://127.0.0.1:${port}/`, addressOnly)).not.toContain('ERR_OUTBOUND_BLOCKED');
    await expect.poll(() => connections).toBe(before + 1);
  });

  it('a listed name still needs its address listed; with both, the connection is made', async () => {
    const before = connections;
    expect(await get(`https://localhost:${port}/`, createOutboundAgent(parseOutboundAllowlist('localhost')))).toContain('ERR_OUTBOUND_BLOCKED');
    expect(connections).toBe(before);
    // The peer is not TLS: reaching it at all is the point (it hangs up at once).
    expect(await get(`https://localhost:${port}/`, createOutboundAgent(parseOutboundAllowlist('localhost,127.0.0.1')))).not.toContain('ERR_OUTBOUND_BLOCKED');
    await expect.poll(() => connections).toBe(before + 1);
  });
});
