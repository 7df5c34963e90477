import { describe, expect, it } from 'vitest';
import { publishedPasswordAllowed, refusePublishedPasswordFrom, type RequestOrigin } from '../../server/services/auth/publishedPassword.js';

const dev = { host: undefined, env: 'development' } as const;
const prod = { host: undefined, env: 'production' } as const;
const local = (headers: RequestOrigin['headers'] = {}, socketAddress = '127.0.0.1'): RequestOrigin => ({ socketAddress, headers });

describe('publishedPasswordAllowed: every address the request names must be this machine', () => {
  it.each([
    ['a client on this machine (IPv4)', dev, local(), true],
    ['a client on this machine (IPv4-mapped)', dev, local({}, '::ffff:127.0.0.1'), true],
    ['a client on this machine (IPv6)', prod, local({}, '::1'), true],
    ['a local proxy forwarding a local client', prod, local({ 'x-forwarded-for': '127.0.0.1' }), true],
    ['a remote client through a local proxy (X-Forwarded-For, trusted or not)', dev, local({ 'x-forwarded-for': '203.0.113.9' }), false],
    ['a LAN client through a local proxy', prod, local({ 'x-forwarded-for': '10.0.0.7' }), false],
    // TRUST_PROXY=true reads the leftmost hop, which the client wrote itself; the hop the proxy added is remote.
    ['a spoofed loopback hop before the real one', dev, local({ 'x-forwarded-for': '127.0.0.1, 203.0.113.9' }), false],
    ['two X-Forwarded-For headers', dev, local({ 'x-forwarded-for': ['127.0.0.1', '203.0.113.9'] }), false],
    ['an unreadable hop', dev, local({ 'x-forwarded-for': 'unknown' }), false],
    // Headers that name a client in a form Express does not read: the proxy is there, its client unknown.
    ['a proxy sending only Forwarded', dev, local({ forwarded: 'for=203.0.113.9' }), false],
    ['a proxy sending only X-Real-IP', dev, local({ 'x-real-ip': '203.0.113.9' }), false],
    ['a proxy sending only Via', dev, local({ via: '1.1 nginx' }), false],
    ['a remote connection', dev, local({}, '203.0.113.9'), false],
    ['no address known', dev, { socketAddress: undefined, headers: {} }, false],
    ['HOST=0.0.0.0 in development: the developer chose to be reachable', { host: '0.0.0.0', env: 'development' }, local({}, '192.168.1.20'), true],
    ['HOST=0.0.0.0 in production', { host: '0.0.0.0', env: 'production' }, local({}, '192.168.1.20'), false],
    ['HOST=127.0.0.1 and a remote client through a proxy', { host: '127.0.0.1', env: 'development' }, local({ 'x-forwarded-for': '203.0.113.9' }), false],
  ] as const)('%s → %s', (_case, config, origin, allowed) => {
    expect(publishedPasswordAllowed(config, origin)).toBe(allowed);
  });

  it('refuses only the published password, naming the field and the way out', () => {
    const remote = local({ 'x-forwarded-for': '203.0.113.9' });
    expect(() => refusePublishedPasswordFrom(dev, 'a private passphrase', remote)).not.toThrow();
    expect(() => refusePublishedPasswordFrom(dev, 'flashnotify', remote)).toThrow(
      expect.objectContaining({ status: 403, code: 'published_password_refused', details: [expect.objectContaining({ path: 'password' })] }) as Error,
    );
    expect(() => refusePublishedPasswordFrom(dev, 'flashnotify', remote)).toThrow(/--reissue/);
  });
});
