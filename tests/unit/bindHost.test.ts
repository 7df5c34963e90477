import { describe, expect, it } from 'vitest';
import { chooseBindHost } from '../../server/bindHost.js';
import { ConfigError } from '../../server/config.js';

const OPEN = ['admin@example.com', 'bob@example.com'];
const dev = { env: 'development', seedDemo: true } as const;
const devNoSeed = { env: 'development', seedDemo: false } as const;
const prod = { env: 'production', seedDemo: false } as const;

describe('chooseBindHost', () => {
  it.each([
    ['dev, HOST unset, demo accounts open', { ...dev, host: undefined }, OPEN, '127.0.0.1', false],
    ['dev, HOST unset, no open demo account', { ...dev, host: undefined }, [], '0.0.0.0', false],
    ['SEED_DEMO=false, HOST unset, a dev run left them open', { ...devNoSeed, host: undefined }, OPEN, '127.0.0.1', true],
    ['production, HOST unset, a dev run left them open', { ...prod, host: undefined }, OPEN, '127.0.0.1', true],
    ['production, HOST unset, none open', { ...prod, host: undefined }, [], '0.0.0.0', false],
    ['dev, HOST=0.0.0.0, open', { ...dev, host: '0.0.0.0' }, OPEN, '0.0.0.0', true],
    ['dev, HOST=::1, open', { ...dev, host: '::1' }, OPEN, '::1', false],
    ['production, HOST=127.0.0.1, open', { ...prod, host: '127.0.0.1' }, OPEN, '127.0.0.1', false],
    ['production, HOST=0.0.0.0, none open', { ...prod, host: '0.0.0.0' }, [], '0.0.0.0', false],
  ])('%s → %s', (_case, config, open, host, warns) => {
    const decision = chooseBindHost(config, open);
    expect(decision.host).toBe(host);
    expect(Boolean(decision.warning)).toBe(warns);
  });

  it('names the accounts and the fix, not SEED_DEMO, in the warning', () => {
    const { warning } = chooseBindHost({ ...devNoSeed, host: undefined }, OPEN);
    expect(warning).toContain('admin@example.com, bob@example.com');
    expect(warning).toContain('npm run user:create -- --email <account> --reissue');
    expect(warning).not.toContain('SEED_DEMO');
  });

  it('refuses a non-loopback HOST in production while demo accounts are open, naming the way out', () => {
    expect(() => chooseBindHost({ ...prod, host: '0.0.0.0' }, OPEN)).toThrow(ConfigError);
    expect(() => chooseBindHost({ ...prod, host: '0.0.0.0' }, OPEN)).toThrow(/Refusing to start.*Start without HOST.*--reissue/);
  });
});
