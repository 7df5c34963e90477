import { describe, expect, it } from 'vitest';
import { publishedPasswordAllowed, refusePublishedPasswordFrom } from '../../server/services/auth/publishedPassword.js';

describe('publishedPasswordAllowed', () => {
  it.each([
    ['HOST unset, this machine (IPv4)', { host: undefined, env: 'development' }, '127.0.0.1', true],
    ['HOST unset, this machine (IPv4-mapped)', { host: undefined, env: 'development' }, '::ffff:127.0.0.1', true],
    ['HOST unset, this machine (IPv6)', { host: undefined, env: 'production' }, '::1', true],
    ['HOST unset, a remote client behind a local proxy', { host: undefined, env: 'development' }, '203.0.113.9', false],
    ['HOST unset, a LAN client behind a local proxy', { host: undefined, env: 'production' }, '10.0.0.7', false],
    ['no address known', { host: undefined, env: 'development' }, undefined, false],
    ['HOST=0.0.0.0 in development: the developer chose to be reachable', { host: '0.0.0.0', env: 'development' }, '192.168.1.20', true],
    ['HOST=0.0.0.0 in production', { host: '0.0.0.0', env: 'production' }, '192.168.1.20', false],
    ['HOST=127.0.0.1 (loopback) and a remote client through a proxy', { host: '127.0.0.1', env: 'development' }, '203.0.113.9', false],
  ] as const)('%s → %s', (_case, config, address, allowed) => {
    expect(publishedPasswordAllowed(config, address)).toBe(allowed);
  });

  it('refuses only the published password, naming the field and the way out', () => {
    const remote = '203.0.113.9';
    expect(() => refusePublishedPasswordFrom({ host: undefined, env: 'development' }, 'a private passphrase', remote)).not.toThrow();
    expect(() => refusePublishedPasswordFrom({ host: undefined, env: 'development' }, 'flashnotify', remote)).toThrow(/--reissue/);
    try {
      refusePublishedPasswordFrom({ host: undefined, env: 'development' }, 'flashnotify', remote);
    } catch (err) {
      expect(err).toMatchObject({ status: 403, code: 'published_password_refused', details: [{ path: 'password' }] });
    }
  });
});
